package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.simulator.Canary;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.DataverseLead;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.RecordedRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the push writes into a lead, and what it leaves alone, read back from the simulator. */
class DataverseLeadDestinationTest {

    private SimulatedDataverse dv = SimulatedDataverse.ready();
    private final DataverseLeadDestination destination = dv.clients().leadDestination();

    @AfterEach
    void stop() {
        dv.close();
    }

    @Test
    void aFirstPushCreatesOneLeadPerDraftWithExactlyTheMappedColumns() {
        List<LeadWrite> written = destination.upsert(List.of(Drafts.full("ref-1"), Drafts.full("ref-2")));

        assertThat(written).allMatch(w -> w instanceof LeadWrite.Created);
        assertThat(dv.sim.leads().size()).isEqualTo(2);
        DataverseLead lead = dv.sim.leads().byReferralId("ref-1").orElseThrow();
        assertThat(((LeadWrite.Created) written.getFirst()).leadId())
                .isEqualTo(lead.leadId().toString());
        assertThat(lead.columnsWrittenByApi())
                .containsExactlyInAnyOrder(
                        "subject",
                        "companyname",
                        "websiteurl",
                        "address1_country",
                        "budgetamount",
                        "transactioncurrencyid@odata.bind",
                        "description",
                        "leadsourcecode",
                        "firstname",
                        "lastname",
                        "emailaddress1",
                        "telephone1",
                        "hnt_ispartnercenterreferral",
                        "hnt_referraltype",
                        "hnt_referralstatus",
                        "hnt_referralsubstatus",
                        "hnt_partnercenterurl");
        assertThat(lead.column("subject")).isEqualTo("Contoso wants Copilot");
        assertThat(lead.column("companyname")).isEqualTo("Contoso Ltd");
        assertThat(lead.column("websiteurl")).isEqualTo("https://contoso.com");
        assertThat(lead.column("address1_country")).isEqualTo("TR");
        assertThat(lead.column("budgetamount")).isEqualTo(new BigDecimal("1000.50"));
        assertThat(lead.column("_transactioncurrencyid_value"))
                .isEqualTo(dv.sim.currencyId("EUR").toString());
        assertThat(lead.column("description")).isEqualTo(Drafts.NOTES);
        assertThat(lead.column("leadsourcecode")).isEqualTo(4);
        assertThat(lead.column("firstname")).isEqualTo(Drafts.FIRST_NAME);
        assertThat(lead.column("lastname")).isEqualTo(Drafts.LAST_NAME);
        assertThat(lead.column("emailaddress1")).isEqualTo(Canary.CUSTOMER_EMAIL);
        assertThat(lead.column("telephone1")).isEqualTo(Canary.CUSTOMER_PHONE);
        assertThat(lead.column("hnt_ispartnercenterreferral")).isEqualTo(true);
        assertThat(lead.column("hnt_referraltype")).isEqualTo("co-sell");
        assertThat(lead.column("hnt_referralstatus")).isEqualTo("Active");
        assertThat(lead.column("hnt_referralsubstatus")).isEqualTo("Accepted");
        assertThat(lead.column("hnt_partnercenterurl"))
                .isEqualTo("https://partner.microsoft.com/dashboard/referrals/ref-1");
        assertThat(lead.stateCode()).isZero();
    }

    @Test
    void aSecondPushUpdatesTheLeadAndClearsWhatTheReferralLostButKeepsTheContact() {
        LeadWrite.Created created = (LeadWrite.Created)
                destination.upsert(List.of(Drafts.full("ref-1"))).getFirst();

        List<LeadWrite> again = destination.upsert(List.of(Drafts.thinner("ref-1")));

        assertThat(again).containsExactly(new LeadWrite.Updated(created.referralId(), created.leadId()));
        DataverseLead lead = dv.sim.leads().byReferralId("ref-1").orElseThrow();
        assertThat(lead.apiUpdates()).isEqualTo(1);
        assertThat(lead.column("subject")).isEqualTo("Contoso wants Copilot (v2)");
        assertThat(lead.column("companyname")).isNull();
        assertThat(lead.column("description")).isNull();
        assertThat(lead.column("budgetamount")).isNull();
        assertThat(lead.column("hnt_referraltype")).isEqualTo("unclassified");
        assertThat(lead.column("hnt_referralstatus")).isEqualTo("Closed");
        assertThat(lead.column("hnt_referralsubstatus")).isNull();
        // A contact the referral no longer names is left as the lead has it: a salesperson may have typed it.
        assertThat(lead.column("emailaddress1")).isEqualTo(Canary.CUSTOMER_EMAIL);
        assertThat(lead.apiWrites().getLast())
                .doesNotContainKeys("firstname", "lastname", "emailaddress1", "telephone1");
    }

    @Test
    void aLeadTheSalesTeamQualifiedKeepsItsStateAndThePushNeverSendsOne() {
        destination.upsert(List.of(Drafts.full("ref-q"), Drafts.full("ref-open")));
        UUID qualified = dv.sim.leads().byReferralId("ref-q").orElseThrow().leadId();
        dv.sim.leads().setState(qualified, 1, 3);

        List<LeadWrite> again = destination.upsert(List.of(Drafts.thinner("ref-q"), Drafts.thinner("ref-open")));

        assertThat(again.getFirst()).isInstanceOfSatisfying(LeadWrite.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("lead_read_only");
            assertThat(r.requestId()).isPresent();
        });
        assertThat(again.get(1)).isInstanceOf(LeadWrite.Updated.class);
        DataverseLead lead = dv.sim.leads().byId(qualified).orElseThrow();
        assertThat(lead.stateCode()).isEqualTo(1);
        assertThat(lead.statusCode()).isEqualTo(3);
        assertThat(lead.column("companyname")).isEqualTo("Contoso Ltd");
        for (RecordedRequest r : dv.sim.journal().toPath(DataverseSimulator.API_PATH)) {
            assertThat(String.valueOf(r.body())).doesNotContain("statecode").doesNotContain("statuscode");
        }
    }

    @Test
    void oneRefusedLeadInABatchLeavesTheOthersWritten() {
        List<LeadWrite> written = destination.upsert(
                List.of(Drafts.full("ok-1"), Drafts.withSubject("too-long", "s".repeat(301)), Drafts.full("ok-2")));

        assertThat(written.get(0)).isInstanceOf(LeadWrite.Created.class);
        assertThat(written.get(1)).isInstanceOfSatisfying(LeadWrite.Rejected.class, r -> {
            assertThat(r.referralId().value()).isEqualTo("too-long");
            assertThat(r.code()).isEqualTo("invalid_value");
            assertThat(r.message()).contains("subject");
            assertThat(r.requestId()).isPresent();
        });
        assertThat(written.get(2)).isInstanceOf(LeadWrite.Created.class);
        assertThat(dv.sim.leads().size()).isEqualTo(2);
    }

    @Test
    void aDuplicateDetectionRuleRefusesOnlyItsLead() {
        dv.sim.faults().inject(DataverseFault.duplicateDetected().on(DataverseFaultTarget.BATCH_ITEM));

        List<LeadWrite> written = destination.upsert(List.of(Drafts.full("dup"), Drafts.full("fine")));

        assertThat(written.getFirst())
                .isInstanceOfSatisfying(
                        LeadWrite.Rejected.class, r -> assertThat(r.code()).isEqualTo("duplicate_detected"));
        assertThat(written.get(1)).isInstanceOf(LeadWrite.Created.class);
    }

    @Test
    void hostileReferralIdsHitTheirOwnLeadAndNothingElse() {
        List<String> ids = List.of("O'Brien", "a/b", "a?b", "x#y", "50%", "a b+c", "leads(x='y')", "..%2F..");

        List<LeadWrite> written =
                destination.upsert(ids.stream().map(Drafts::full).toList());

        assertThat(dv.sim.leads().size()).isEqualTo(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            DataverseLead lead = dv.sim.leads().byReferralId(ids.get(i)).orElseThrow();
            assertThat(((LeadWrite.Created) written.get(i)).leadId())
                    .isEqualTo(lead.leadId().toString());
            assertThat(lead.columnsWrittenByApi()).doesNotContain("hnt_partnercenterreferralid");
        }
    }

    @Test
    void eachCurrencyIsLookedUpOnceAndAMissingOneSendsTheLeadWithoutItsBudget() {
        int mark = CapturedLogs.mark();
        destination.upsert(List.of(Drafts.full("eur-1"), Drafts.full("eur-2")));
        destination.upsert(List.of(Drafts.withCurrency("jpy-1", "JPY"), Drafts.withCurrency("bad", "E'R")));
        destination.upsert(List.of(Drafts.full("eur-3"), Drafts.withCurrency("jpy-2", "jpy")));

        List<RecordedRequest> lookUps = dv.sim.journal().toPath(DataverseSimulator.API_PATH + "transactioncurrencies");
        assertThat(lookUps).hasSize(2);
        assertThat(lookUps)
                .extracting(r -> r.queryParam("$filter").orElseThrow())
                .containsExactly("isocurrencycode eq 'EUR'", "isocurrencycode eq 'JPY'");
        for (String id : List.of("jpy-1", "bad", "jpy-2")) {
            DataverseLead lead = dv.sim.leads().byReferralId(id).orElseThrow();
            assertThat(lead.columnsWrittenByApi()).doesNotContain("budgetamount", "transactioncurrencyid@odata.bind");
            assertThat(lead.column("subject")).isEqualTo("Contoso wants Copilot");
        }
        assertThat(CapturedLogs.events("dynamics_currency_missing", mark)).hasSize(2);
    }

    @Test
    void withoutTheKeyOrAColumnThePushSaysToRunTheSetup() {
        try (SimulatedDataverse noKey =
                        SimulatedDataverse.start(b -> b.setup(DataverseSimulatorBuilder.Setup.COLUMNS));
                SimulatedDataverse noColumns = SimulatedDataverse.start(b -> b)) {
            for (SimulatedDataverse s : List.of(noKey, noColumns)) {
                assertThatThrownBy(() -> s.clients().leadDestination().upsert(List.of(Drafts.full("ref-1"))))
                        .isInstanceOfSatisfying(LeadDestinationException.class, e -> {
                            assertThat(e.code()).isEqualTo(PushErrorCode.SETUP_REQUIRED);
                            assertThat(e.getMessage()).contains("hunter dynamics setup --apply");
                            assertThat(e.httpStatus()).contains(400);
                            assertThat(e.requestId()).isPresent();
                        });
            }
        }
    }

    @Test
    void limitsAndBatchSizeAreTheAdapters() {
        assertThat(destination.limits())
                .isEqualTo(io.hunterreferrals.core.testing.InMemoryLeadDestination.DATAVERSE_LIMITS);
        assertThat(destination.batchSize()).isEqualTo(10);
        assertThat(destination.upsert(List.of())).isEmpty();
    }
}
