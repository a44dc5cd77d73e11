package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadLimits;
import io.hunterreferrals.core.push.LeadMapping;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.referral.ReferralId;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LeadDestination} must do; run against the in-memory fake and the Dynamics adapter. */
public abstract class LeadDestinationContract {

    protected LeadDestination destination;

    /** A destination holding no lead of the referral ids these tests use. */
    protected abstract LeadDestination createDestination();

    /** How many leads the destination holds now. */
    protected abstract int leadsHeld();

    @BeforeEach
    void createDestinationUnderTest() {
        destination = createDestination();
    }

    @Test
    void anUpsertCreatesThenUpdatesTheSameLead() {
        List<LeadWrite> first = destination.upsert(List.of(draft("c-1", "v1")));
        List<LeadWrite> second = destination.upsert(List.of(draft("c-1", "v2")));

        assertThat(first).singleElement().isInstanceOf(LeadWrite.Created.class);
        assertThat(second).singleElement().isInstanceOf(LeadWrite.Updated.class);
        assertThat(((LeadWrite.Updated) second.getFirst()).leadId())
                .isEqualTo(((LeadWrite.Created) first.getFirst()).leadId());
        assertThat(leadsHeld()).isEqualTo(1);
    }

    @Test
    void aFullBatchIsAnsweredInTheOrderOfItsDrafts() {
        List<LeadDraft> drafts = IntStream.range(0, destination.batchSize())
                .mapToObj(i -> draft("c-batch-" + (destination.batchSize() - i), "v1"))
                .toList();

        List<LeadWrite> results = destination.upsert(drafts);

        assertThat(results)
                .extracting(LeadWrite::referralId)
                .containsExactlyElementsOf(
                        drafts.stream().map(LeadDraft::referralId).toList());
        assertThat(results).allMatch(r -> r instanceof LeadWrite.Created);
    }

    @Test
    void anyReferralIdIsAKeyNotAPathOrAQuery() {
        List<String> ids = List.of("O'Brien", "a/b", "a?b=c", "x#y", "50%", "Şahin ı İ", "a'); DROP", "..%2F..");

        List<LeadWrite> results =
                destination.upsert(ids.stream().map(id -> draft(id, "v1")).toList());
        List<LeadWrite> again =
                destination.upsert(ids.stream().map(id -> draft(id, "v2")).toList());

        assertThat(results).allMatch(r -> r instanceof LeadWrite.Created);
        assertThat(again).allMatch(r -> r instanceof LeadWrite.Updated);
        assertThat(leadsHeld()).isEqualTo(ids.size());
    }

    @Test
    void textAtEveryLimitIsTaken() {
        LeadLimits limits = destination.limits();
        LeadDraft full = new LeadDraft(
                ReferralId.of("c-limits"),
                "s".repeat(limits.subject()),
                "c".repeat(limits.companyName()),
                "https://" + "w".repeat(limits.website() - 12) + ".com",
                "DE",
                new BigDecimal("999999999.99"),
                "EUR",
                "d".repeat(limits.description()),
                "f".repeat(limits.firstName()),
                "l".repeat(limits.lastName()),
                "e".repeat(limits.email() - 12) + "@contoso.com",
                "+".repeat(limits.phone()),
                ReferralCategory.SOLUTION_PROVIDER,
                "Closed",
                "Won",
                LeadMapping.partnerCenterUrl(ReferralId.of("c")));

        assertThat(destination.upsert(List.of(full))).singleElement().isInstanceOf(LeadWrite.Created.class);
    }

    private static LeadDraft draft(String id, String version) {
        return new LeadDraft(
                ReferralId.of(id),
                "Topic " + version,
                "Contoso",
                "https://contoso.com",
                "DE",
                new BigDecimal("1000.50"),
                "EUR",
                "Notes " + version,
                "Ana",
                "Example",
                "ana@contoso.com",
                null,
                ReferralCategory.CO_SELL,
                "New",
                "Pending",
                LeadMapping.partnerCenterUrl(ReferralId.of(id)));
    }
}
