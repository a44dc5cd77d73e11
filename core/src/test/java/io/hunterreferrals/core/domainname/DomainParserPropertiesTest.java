package io.hunterreferrals.core.domainname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.testing.DomainLikeTexts;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The domain rules on text no example test thought of. Whatever the text, the parser answers with a result, never an
 * exception; a rejection always says why; an accepted domain is canonical and parses again to itself.
 */
class DomainParserPropertiesTest {

    static final int HOSTILE_TRIES = 3_000;
    static final int DOMAIN_LIKE_TRIES = 4_000;
    static final int DOMAIN_OF_TRIES = 1_000;

    @Test
    void anyTextGivesAResultAndEveryRejectionHasAReason() {
        PropertyCheck.forAll(HOSTILE_TRIES, 20260917L, HostileStrings::any, DomainParserPropertiesTest::holdsFor);
    }

    @Test
    void domainLikeTextGivesCanonicalDomainsThatParseToThemselves() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();

        PropertyCheck.forAll(DOMAIN_LIKE_TRIES, 17L, DomainLikeTexts::any, text -> {
            holdsFor(text);
            (DomainParser.parse(text) instanceof DomainParseResult.Parsed ? accepted : rejected).incrementAndGet();
        });

        // Both sides must be exercised, or the generator has drifted and the property proves little.
        assertThat(accepted.get()).as("accepted").isGreaterThan(DOMAIN_LIKE_TRIES / 10);
        assertThat(rejected.get()).as("rejected").isGreaterThan(DOMAIN_LIKE_TRIES / 10);
    }

    @Test
    void domainOfThrowsOnlyInvalidDomainExceptionWithTheParsersReason() {
        PropertyCheck.forAll(
                DOMAIN_OF_TRIES, 3L, r -> r.nextBoolean() ? HostileStrings.any(r) : DomainLikeTexts.any(r), text -> {
                    switch (DomainParser.parse(text)) {
                        case DomainParseResult.Parsed parsed ->
                            assertThat(Domain.of(text)).isEqualTo(parsed.domain());
                        case DomainParseResult.Rejected rejected ->
                            assertThatThrownBy(() -> Domain.of(text))
                                    .isInstanceOfSatisfying(InvalidDomainException.class, e -> {
                                        assertThat(e.reason()).isEqualTo(rejected.reason());
                                        assertThat(e.getMessage()).isNotBlank();
                                    });
                    }
                });
    }

    @Test
    void wwwIsNeverTheRegistrableLabel() {
        // Found by the property above: "www." was stripped once before the registrable domain was taken, so
        // "www.www.com" gave the domain "www.com", which parsed again to the single label "com" and was rejected.
        for (String text : List.of("www.www.com", "info@www.www.com.tr", "mail.www.co.uk")) {
            assertThat(DomainParser.parse(text)).as(text).isInstanceOf(DomainParseResult.Rejected.class);
        }
        assertThat(DomainParser.parse("www.wwwx.com"))
                .isEqualTo(new DomainParseResult.Parsed(new Domain("wwwx.com"), "www.wwwx.com"));
    }

    @Test
    void aVeryLongInternationalNameIsTooLongNotAnException() {
        // Found by the property above: IDN.toASCII throws a bare RuntimeException for ~2,000-character labels.
        assertThat(DomainParser.parse("ana@" + "ü".repeat(2040) + ".de"))
                .isEqualTo(new DomainParseResult.Rejected(DomainRejection.TOO_LONG, "ü".repeat(2040) + ".de"));
    }

    private static void holdsFor(String text) {
        DomainParseResult result = DomainParser.parse(text);
        assertThat(result).isNotNull();
        switch (result) {
            case DomainParseResult.Parsed parsed -> {
                assertCanonical(parsed.domain());
                assertThat(parsed.rawHost()).isNotBlank();
                assertParsesToItself(parsed.domain());
                assertThat(DomainParser.parse(parsed.rawHost()))
                        .as("the raw host parsed again")
                        .isInstanceOfSatisfying(
                                DomainParseResult.Parsed.class,
                                again -> assertThat(again.domain()).isEqualTo(parsed.domain()));
            }
            case DomainParseResult.Rejected rejected -> assertHasReason(rejected.reason());
        }
        DomainParseResult company = DomainParser.parseCompanyDomain(text);
        switch (company) {
            case DomainParseResult.Parsed parsed -> {
                assertThat(ConsumerMailboxDomains.contains(parsed.domain())).isFalse();
                assertThat(parsed).isEqualTo(result);
            }
            case DomainParseResult.Rejected rejected -> assertHasReason(rejected.reason());
        }
    }

    static void assertCanonical(Domain domain) {
        String value = domain.value();
        assertThat(value)
                .isEqualTo(value.toLowerCase(Locale.ROOT))
                .matches("[a-z0-9.-]+")
                .doesNotEndWith(".")
                .doesNotStartWith(".")
                .doesNotStartWith("www.")
                .hasSizeBetween(4, 253);
        for (String label : value.split("\\.", -1)) {
            assertThat(label).hasSizeBetween(1, 63).doesNotStartWith("-").doesNotEndWith("-");
        }
        assertThat(value.split("\\.")).hasSizeGreaterThanOrEqualTo(2);
    }

    private static void assertParsesToItself(Domain domain) {
        assertThat(DomainParser.parse(domain.value()))
                .as("parsing the accepted domain again")
                .isEqualTo(new DomainParseResult.Parsed(domain, domain.value()));
        assertThat(Domain.of(domain.value())).isEqualTo(domain);
    }

    private static void assertHasReason(DomainRejection reason) {
        assertThat(reason).isNotNull();
        assertThat(reason.code()).isNotBlank();
        assertThat(reason.explanation()).isNotBlank();
    }
}
