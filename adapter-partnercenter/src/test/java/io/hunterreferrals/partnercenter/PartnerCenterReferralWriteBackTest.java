package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.WriteBackResult;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.FaultTarget;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.PatchMode;
import io.hunterreferrals.simulator.RecordedRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write-back of a lead id against the simulated Referrals API, over real HTTP: the request, and every answer. */
class PartnerCenterReferralWriteBackTest {

    private PartnerCenterSimulator sim;
    private String id;
    private final Simulated.RecordingSleeper sleeper = new Simulated.RecordingSleeper();
    private AccessTokenSource tokens;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder().referrals(3).build().start();
        id = sim.referrals().addNew();
        tokens = force -> sim.identity().issueAccessToken();
    }

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    @Test
    void itPatchesExternalReferenceIdWithTheETagAndTheDocumentedHeaders() {
        String etag = etag();

        WriteBackResult result = writeBack().writeLeadId(ReferralId.of(id), Optional.of(etag), "lead-42");

        assertThat(result)
                .isInstanceOfSatisfying(
                        WriteBackResult.Written.class,
                        w -> assertThat(w.requestId()).isPresent());
        assertThat(sim.referrals()
                        .get(id)
                        .orElseThrow()
                        .path("externalReferenceId")
                        .asText())
                .isEqualTo("lead-42");
        RecordedRequest patch = patches().getFirst();
        assertThat(patch.path()).isEqualTo(PartnerCenterSimulator.REFERRALS_PATH + "/" + id);
        assertThat(patch.body())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/externalReferenceId\",\"value\":\"lead-42\"}]");
        assertThat(patch.header("If-Match")).contains(etag);
        assertThat(patch.header("Content-Type")).contains("application/json");
        assertThat(patch.header("Prefer")).contains("return=representation");
        assertThat(patch.header("Authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(UUID.fromString(patch.header("client-request-id").orElseThrow()))
                .isNotNull();
    }

    @Test
    void withoutAStoredETagItSendsNoIfMatch() {
        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.empty(), "lead-1"))
                .isInstanceOf(WriteBackResult.Written.class);
        assertThat(patches().getFirst().header("If-Match")).isEmpty();
    }

    @Test
    void aStaleETagIsARefusalTheNextPushRetries() {
        WriteBackResult result = writeBack().writeLeadId(ReferralId.of(id), Optional.of("\"stale\""), "lead-1");

        assertThat(result).isInstanceOfSatisfying(WriteBackResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("preconditionFailed");
            assertThat(r.retryable()).isTrue();
            assertThat(r.requestId()).isPresent();
            assertThat(r.message())
                    .contains("412", "request id " + r.requestId().get(), "next sync");
        });
        assertThat(patches()).hasSize(1);
    }

    @Test
    void aFieldPartnerCenterWillNotChangeIsARefusalThatSaysSo() {
        sim.patchMode(PatchMode.REFUSE_NOT_UPDATABLE);

        WriteBackResult result = writeBack().writeLeadId(ReferralId.of(id), Optional.of(etag()), "lead-1");

        assertThat(result).isInstanceOfSatisfying(WriteBackResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo("invalidRequest");
            assertThat(r.retryable()).isFalse();
            assertThat(r.message()).contains("400", "UNCONFIRMED", "HUNTER_DYNAMICS_WRITE_BACK=false");
        });
    }

    @Test
    void aForbiddenWriteNamesTheRoleAndAnUnknownReferralIsNotFound() {
        sim.patchMode(PatchMode.REFUSE_FORBIDDEN);
        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.empty(), "lead-1"))
                .isInstanceOfSatisfying(WriteBackResult.Refused.class, r -> {
                    assertThat(r.code()).isEqualTo("accessDenied");
                    assertThat(r.message()).contains("Referrals Admin");
                });
        sim.patchMode(PatchMode.ACCEPT);
        assertThat(writeBack().writeLeadId(ReferralId.of("no-such"), Optional.empty(), "lead-1"))
                .isInstanceOfSatisfying(
                        WriteBackResult.Refused.class, r -> assertThat(r.code()).isEqualTo("itemNotFound"));
    }

    @Test
    void aSuccessThatDidNotApplyTheValueIsNotCountedAsWritten() {
        sim.patchMode(PatchMode.IGNORE);

        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.of(etag()), "lead-1"))
                .isInstanceOfSatisfying(WriteBackResult.Refused.class, r -> {
                    assertThat(r.code()).isEqualTo("not_applied");
                    assertThat(r.message()).contains("UNCONFIRMED");
                });
    }

    @Test
    void throttlingIsWaitedOutByTheSyncsRetryRules() {
        sim.faults().inject(Fault.tooManyRequests(2).on(FaultTarget.REFERRAL_PATCH));

        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.of(etag()), "lead-1"))
                .isInstanceOf(WriteBackResult.Written.class);
        assertThat(patches()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void anOutagePastTheBudgetIsUnavailableNotAnException() {
        sim.faults()
                .inject(Fault.serviceUnavailable()
                        .on(FaultTarget.REFERRAL_PATCH)
                        .times(10));

        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.of(etag()), "lead-1"))
                .isInstanceOfSatisfying(WriteBackResult.Unavailable.class, u -> {
                    assertThat(u.code()).isEqualTo("partner_center_unavailable");
                    assertThat(u.message())
                            .contains("the next push tries again")
                            .doesNotContain("watermark");
                });
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndNoSignInIsUnavailable() {
        String stale = sim.identity().issueAccessToken();
        sim.identity().expireAllAccessTokens();
        tokens = force -> force ? sim.identity().issueAccessToken() : stale;
        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.empty(), "lead-1"))
                .isInstanceOf(WriteBackResult.Written.class);

        tokens = force -> {
            throw new ReferralSourceException(SourceFailure.SIGN_IN_REQUIRED, "Run `hunter auth login`.");
        };
        assertThat(writeBack().writeLeadId(ReferralId.of(id), Optional.empty(), "lead-1"))
                .isInstanceOfSatisfying(
                        WriteBackResult.Unavailable.class,
                        u -> assertThat(u.code()).isEqualTo("sign_in_required"));
    }

    @Test
    void theLeadIdIsSentAsDataWhateverItHolds() {
        String hostile = "\",\"path\":\"/status\",\"value\":\"Closed";

        assertThat(PartnerCenterReferralWriteBack.patch(hostile))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/externalReferenceId\",\"value\":\"\\\",\\\"path\\\":"
                        + "\\\"/status\\\",\\\"value\\\":\\\"Closed\"}]");
    }

    private PartnerCenterReferralWriteBack writeBack() {
        return PartnerCenterReferralWriteBack.builder(Simulated.apiConfig(sim), force -> tokens.accessToken(force))
                .sleeper(sleeper)
                .build();
    }

    private String etag() {
        return sim.referrals().get(id).orElseThrow().path("eTag").asText();
    }

    private List<RecordedRequest> patches() {
        return sim.journal().matching(r -> r.method().equals("PATCH"));
    }
}
