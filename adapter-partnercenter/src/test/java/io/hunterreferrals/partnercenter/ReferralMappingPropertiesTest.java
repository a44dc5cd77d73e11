package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.SourceRecord;
import io.hunterreferrals.core.sync.SyncSettings;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The lenient mapping on generated and mutated referral documents. A document either makes the page malformed (the
 * adapter's documented rejection, with a message), or maps to a Readable referral or an Unreadable record with a reason
 * code; nothing ever throws, and what the sync does next with a readable referral does not throw either.
 */
class ReferralMappingPropertiesTest {

    static final int VALID_TRIES = 500;
    static final int ODD_BUT_READABLE_TRIES = 1_500;
    static final int MUTATED_TRIES = 6_000;

    private static final CompanyDomainExtractor EXTRACTOR = new CompanyDomainExtractor();
    private static final ClassificationRulePcV1 RULE = new ClassificationRulePcV1();

    /** What one document in a page led to. */
    sealed interface Outcome {
        record Malformed(String message) implements Outcome {}

        record Mapped(SourceRecord record) implements Outcome {}
    }

    @Test
    void theValidBaseDocumentsAreReadable() {
        PropertyCheck.forAll(
                VALID_TRIES,
                5L,
                ReferralDocuments::base,
                doc -> assertThat(outcome(doc))
                        .isInstanceOfSatisfying(
                                Outcome.Mapped.class,
                                m -> assertThat(m.record()).isInstanceOf(SourceRecord.Readable.class)));
    }

    @Test
    void anyScalarInATextFieldAndAnythingInAnUnknownOneLeavesAReferralReadable() {
        PropertyCheck.forAll(
                ODD_BUT_READABLE_TRIES,
                6L,
                ReferralDocuments::withOddButReadableValues,
                doc -> assertThat(outcome(doc))
                        .isInstanceOfSatisfying(
                                Outcome.Mapped.class,
                                m -> assertThat(m.record()).isInstanceOf(SourceRecord.Readable.class)));
    }

    @Test
    void aMutatedDocumentIsMalformedReadableOrUnreadableWithAReasonAndNeverThrows() {
        AtomicInteger malformed = new AtomicInteger();
        AtomicInteger readable = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();

        PropertyCheck.forAll(MUTATED_TRIES, 7L, ReferralDocuments::mutated, doc -> {
            switch (outcome(doc)) {
                case Outcome.Malformed m -> {
                    assertThat(m.message()).isNotBlank().doesNotContain("contoso", "@");
                    malformed.incrementAndGet();
                }
                case Outcome.Mapped(SourceRecord.Readable r) -> {
                    assertReadable(r.referral(), doc);
                    readable.incrementAndGet();
                }
                case Outcome.Mapped(SourceRecord.Unreadable u) -> {
                    assertHasReason(u);
                    unreadable.incrementAndGet();
                }
            }
        });

        // Every outcome must come up often, or the generator has drifted and the property proves little.
        assertThat(List.of(malformed.get(), readable.get(), unreadable.get()))
                .allSatisfy(n -> assertThat(n).isGreaterThan(MUTATED_TRIES / 20));
    }

    @Test
    void theNamedHostileValuesHaveTheseOutcomes() {
        String full = ReferralDocuments.FULL;
        // Past Jackson's nesting limit (1,000) the page is malformed: the run fails with MALFORMED_PAGE, no crash.
        assertThat(outcome(ReferralDocuments.with(full, "/details", ReferralDocuments.nested(2_000, true))))
                .isInstanceOf(Outcome.Malformed.class);
        assertThat(outcome(ReferralDocuments.with(full, "/somethingNew", ReferralDocuments.nested(2_000, false))))
                .isInstanceOf(Outcome.Malformed.class);
        // Amounts beyond any double are kept exactly; only unparseable ones make the referral unreadable.
        assertThat(readable(ReferralDocuments.with(full, "/details/dealValue", "1e400"))
                        .dealValue()
                        .amount())
                .isEqualByComparingTo(new BigDecimal("1e400"));
        assertThat(readable(ReferralDocuments.with(full, "/details/dealValue", "1180591620717411303424"))
                        .dealValue()
                        .amount())
                .isEqualByComparingTo(BigDecimal.TWO.pow(70));
        assertThat(unreadableReason(ReferralDocuments.with(full, "/details/dealValue", "\"1e9999999999\"")))
                .isEqualTo("invalid_referral");
        assertThat(unreadableReason(
                        ReferralDocuments.with(full, "/createdDateTime", "\"+1000000000-01-01T00:00:00Z\"")))
                .isEqualTo("bad_timestamp");
        // Lone surrogates, NUL and 100,000 characters are text like any other here; storage strips NUL (PostgresText).
        assertThat(readable(ReferralDocuments.with(full, "/name", "\"\\ud800a\\u0000\""))
                        .name())
                .isEqualTo("\ud800a\u0000");
        assertThat(readable(ReferralDocuments.with(full, "/name", ReferralDocuments.json("x".repeat(100_000))))
                        .name())
                .hasSize(100_000);
    }

    private static Referral readable(String doc) {
        Outcome outcome = outcome(doc);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Mapped.class, m -> assertThat(m.record()).isInstanceOf(SourceRecord.Readable.class));
        return ((SourceRecord.Readable) ((Outcome.Mapped) outcome).record()).referral();
    }

    private static String unreadableReason(String doc) {
        Outcome outcome = outcome(doc);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Mapped.class, m -> assertThat(m.record()).isInstanceOf(SourceRecord.Unreadable.class));
        return ((SourceRecord.Unreadable) ((Outcome.Mapped) outcome).record()).reason();
    }

    /** The document as the only item of a page, parsed and mapped as the page cursor does. */
    static Outcome outcome(String doc) {
        PageParser.ParsedPage page;
        try {
            page = PageParser.parse("{\"value\":[" + doc + "]}");
        } catch (PageParser.MalformedPage e) {
            return new Outcome.Malformed(e.getMessage());
        }
        assertThat(page.items()).hasSize(1);
        return new Outcome.Mapped(ReferralMapper.map(page.items().getFirst()));
    }

    /** A readable referral keeps its payload verbatim, and the sync's next steps (filter, rule, domain, hash) cope. */
    static void assertReadable(Referral referral, String doc) {
        assertThat(referral.id().value()).isNotBlank().hasSizeLessThanOrEqualTo(255);
        assertThat(referral.raw().json()).isEqualTo(doc);
        SyncSettings.DEFAULT.filter().evaluate(referral);
        var classification = RULE.classify(referral);
        DomainExtraction domain = EXTRACTOR.extract(referral);
        assertThat(ContentHash.of(referral, classification, domain).hex()).hasSize(64);
    }

    /** Only the accessors: the record is gaining components elsewhere. */
    static void assertHasReason(SourceRecord.Unreadable unreadable) {
        assertThat(unreadable.reason()).isNotBlank().matches("[a-z_]{3,40}");
        assertThat(unreadable.referralId()).isNotNull();
        unreadable.referralId().ifPresent(id -> assertThat(id).isNotBlank());
    }
}
