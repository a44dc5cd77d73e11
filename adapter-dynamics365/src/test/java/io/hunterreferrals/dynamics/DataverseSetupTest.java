package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.simulator.DataverseColumn;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.DataverseKey;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code hunter dynamics check} and {@code setup --apply} against an empty, a half-done and a broken lead table. */
class DataverseSetupTest {

    private SimulatedDataverse dv;
    private final List<SetupProgress> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        dv.close();
    }

    private DataverseSetup setup() {
        return dv.clients().setup();
    }

    @Test
    void aReadyOrganisationChecksReadyAndNamesTheApplicationUser() {
        dv = SimulatedDataverse.ready();

        SetupCheck check = setup().check();

        assertThat(check.ready()).isTrue();
        assertThat(check.missing()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.whoAmI().userId()).isEqualTo(dv.sim.applicationUserId().toString());
        assertThat(check.whoAmI().organizationId())
                .isEqualTo(dv.sim.organizationId().toString());
        assertThat(check.key().status()).contains(KeyIndexStatus.ACTIVE);
    }

    @Test
    void onAnEmptyOrganisationApplyCreatesTheColumnsAndWaitsForTheKey() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.EMPTY).keyIndexPolls(3));
        DataverseSetup setup = setup();

        SetupCheck before = setup.check();
        assertThat(before.ready()).isFalse();
        assertThat(before.missing())
                .contains(
                        "column hnt_partnercenterreferralid (String, 100): missing",
                        "column hnt_ispartnercenterreferral (Boolean): missing",
                        "column hnt_partnercenterurl (String, 1000): missing",
                        "alternate key hnt_PartnerCenterReferralIdKey on hnt_partnercenterreferralid: missing")
                .hasSize(7);

        SetupOutcome outcome = setup.apply(progress::add);

        assertThat(outcome).isInstanceOfSatisfying(SetupOutcome.Ready.class, r -> {
            assertThat(r.created()).hasSize(7);
            assertThat(r.check().ready()).isTrue();
        });
        assertThat(progress.stream().filter(p -> p instanceof SetupProgress.ColumnCreated))
                .hasSize(6);
        assertThat(progress)
                .contains(
                        new SetupProgress.KeyCreated("hnt_PartnerCenterReferralIdKey", "hnt_partnercenterreferralid"));
        assertThat(progress.stream()
                        .filter(p -> p instanceof SetupProgress.KeyIndexing)
                        .map(p -> ((SetupProgress.KeyIndexing) p).status()))
                .containsExactly(KeyIndexStatus.PENDING, KeyIndexStatus.IN_PROGRESS, KeyIndexStatus.ACTIVE);
        assertThat(progress.getLast())
                .isEqualTo(new SetupProgress.KeyIndexing(KeyIndexStatus.ACTIVE, Duration.ofSeconds(10)));
        assertThat(dv.sim
                        .metadata()
                        .column("hnt_partnercenterurl")
                        .orElseThrow()
                        .maxLength())
                .isEqualTo(1000);
        assertThat(dv.sim
                        .metadata()
                        .column("hnt_ispartnercenterreferral")
                        .orElseThrow()
                        .type())
                .isEqualTo(DataverseColumn.Type.BOOLEAN);
        assertThat(dv.sim.metadata().referralKeyStatus()).contains(DataverseKey.Status.Active);
        // and the push works at once
        assertThat(dv.clients().leadDestination().upsert(List.of(Drafts.full("ref-1"))))
                .singleElement()
                .isInstanceOf(LeadWrite.Created.class);
    }

    @Test
    void aSecondApplyCreatesNothing() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.EMPTY).keyIndexPolls(0));
        setup().apply(progress::add);
        dv.sim.journal().clear();
        progress.clear();

        SetupOutcome again = setup().apply(progress::add);

        assertThat(again)
                .isInstanceOfSatisfying(
                        SetupOutcome.Ready.class, r -> assertThat(r.created()).isEmpty());
        assertThat(progress).isEmpty();
        assertThat(dv.sim.journal().toPath(DataverseSimulator.API_PATH))
                .noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aKeyThatFailsOverDuplicateReferralIdsIsReportedWithTheLeadsAndTheFix() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.COLUMNS).keyIndexPolls(2));
        UUID first = dv.sim.leads().insert(Map.of("hnt_partnercenterreferralid", "dup-1", "subject", "typed by hand"));
        UUID second = dv.sim.leads().insert(Map.of("hnt_partnercenterreferralid", "dup-1", "subject", "and again"));
        dv.sim.leads().insert(Map.of("hnt_partnercenterreferralid", "unique", "subject", "fine"));

        SetupOutcome outcome = setup().apply(progress::add);

        assertThat(outcome).isInstanceOfSatisfying(SetupOutcome.KeyFailed.class, f -> {
            assertThat(f.duplicates())
                    .containsExactly(
                            new SetupOutcome.DuplicateKeyValue("dup-1", List.of(first.toString(), second.toString())));
            assertThat(f.fix())
                    .contains("'dup-1' (leads " + first + ", " + second + ")")
                    .contains("Keep one lead per referral id")
                    .contains("ReactivateEntityKey")
                    .contains("hnt_partnercenterreferralidkey");
            assertThat(f.check().key().status()).contains(KeyIndexStatus.FAILED);
        });
        assertThat(progress.getLast())
                .isInstanceOfSatisfying(
                        SetupProgress.KeyIndexing.class,
                        k -> assertThat(k.status()).isEqualTo(KeyIndexStatus.FAILED));

        // The operator deletes the duplicate and reactivates the key: the next apply waits for it and is done.
        dv.sim.leads().delete(second);
        dv.sim.metadata().reactivateKeys();
        assertThat(setup().apply(progress::add)).isInstanceOf(SetupOutcome.Ready.class);
    }

    @Test
    void aKeyStillBuildingWhenTheWaitEndsSaysToRunTheSetupAgain() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.COLUMNS).keyIndexPolls(1_000));

        SetupOutcome outcome = setup().apply(Duration.ofSeconds(20), progress::add);

        assertThat(outcome).isInstanceOfSatisfying(SetupOutcome.StillIndexing.class, s -> {
            assertThat(s.status()).isEqualTo(KeyIndexStatus.IN_PROGRESS);
            assertThat(s.waited()).isEqualTo(Duration.ofSeconds(20));
            assertThat(s.advice()).contains("hunter dynamics setup --apply");
        });
        assertThatThrownBy(() -> dv.clients().leadDestination().upsert(List.of(Drafts.full("ref-1"))))
                .isInstanceOfSatisfying(
                        LeadDestinationException.class,
                        e -> assertThat(e.code()).isEqualTo(PushErrorCode.SETUP_REQUIRED));
    }

    @Test
    void aColumnOfTheWrongTypeBlocksTheSetupAndAShortOneIsAWarning() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.COLUMNS)
                .customColumn(DataverseColumn.customBoolean("hnt_referraltype"))
                .customColumn(DataverseColumn.customString("hnt_referralstatus", 20)));

        SetupCheck check = setup().check();
        assertThat(check.missing())
                .contains("column hnt_referraltype (String, 100): exists as Boolean; delete or rename it");
        assertThat(check.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains("hnt_referralstatus holds 20 characters"));

        SetupOutcome outcome = setup().apply(progress::add);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SetupOutcome.Blocked.class,
                        b -> assertThat(b.fix()).contains("hnt_referraltype is Boolean, not String"));
        assertThat(dv.sim.metadata().keys()).isEmpty();
        assertThat(dv.sim.journal().toPath(DataverseSimulator.API_PATH))
                .noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void creatingColumnsWithoutACustomizerRoleSaysWhichRoleToAssign() {
        dv = SimulatedDataverse.start(b -> b.setup(Setup.EMPTY));
        dv.sim.faults().inject(DataverseFault.missingPrivilege().on(DataverseFaultTarget.METADATA));

        assertThatThrownBy(() -> setup().apply(progress::add))
                .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                    assertThat(e.code()).isEqualTo(PushErrorCode.PRIVILEGE_MISSING);
                    assertThat(e.getMessage()).contains("System Customizer");
                });
        assertThat(dv.sim.metadata().customColumns()).isEmpty();
        assertThat(Optional.ofNullable(dv.sim.metadata().referralKeyStatus().orElse(null)))
                .isEmpty();
    }
}
