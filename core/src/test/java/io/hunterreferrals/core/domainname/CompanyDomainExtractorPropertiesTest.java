package io.hunterreferrals.core.domainname;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.LegacyContact;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.testing.DomainLikeTexts;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The extraction chain on referrals whose contacts, ids and legacy fields hold anything at all. */
class CompanyDomainExtractorPropertiesTest {

    static final int TRIES = 2_000;

    private final CompanyDomainExtractor extractor = new CompanyDomainExtractor();

    @Test
    void extractionNeverThrowsAndExplainsEveryMiss() {
        PropertyCheck.forAll(TRIES, 11L, CompanyDomainExtractorPropertiesTest::referral, referral -> {
            DomainExtraction extraction = extractor.extract(referral);
            switch (extraction) {
                case DomainExtraction.Found found -> {
                    DomainParserPropertiesTest.assertCanonical(found.domain());
                    assertThat(ConsumerMailboxDomains.contains(found.domain())).isFalse();
                    assertThat(DomainParser.parseCompanyDomain(found.rawHost()))
                            .as("the raw host parsed again")
                            .isInstanceOfSatisfying(
                                    DomainParseResult.Parsed.class,
                                    p -> assertThat(p.domain()).isEqualTo(found.domain()));
                }
                case DomainExtraction.NotFound notFound -> {
                    if (notFound.rawHost() != null) {
                        assertThat(notFound.firstRejection()).isNotNull();
                        assertThat(notFound.source()).isNotNull();
                    }
                }
            }
        });
    }

    private static Referral referral(SplittableRandom r) {
        List<String> emails = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            emails.add(text(r));
        }
        List<CustomerId> ids = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String type = HostileStrings.pick(List.of("External", "external", "Duns", "", "EXTERNAL ", "\u0000"), r);
            ids.add(new CustomerId(r.nextInt(5) == 0 ? null : type, text(r)));
        }
        LegacyContact legacy = new LegacyContact(maybe(r), maybe(r), maybe(r), maybe(r));
        return Referral.builder("r-" + r.nextInt(1000))
                .customer(new CustomerProfile(maybe(r), maybe(r), maybe(r), emails, ids))
                .legacy(legacy)
                .build();
    }

    private static String text(SplittableRandom r) {
        return r.nextInt(3) == 0 ? HostileStrings.any(r) : DomainLikeTexts.any(r);
    }

    private static String maybe(SplittableRandom r) {
        return r.nextInt(3) == 0 ? null : text(r);
    }
}
