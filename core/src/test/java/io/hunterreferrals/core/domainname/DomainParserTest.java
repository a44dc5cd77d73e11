package io.hunterreferrals.core.domainname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainParserTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            contoso.com                                   | contoso.com
            '  Contoso.COM  '                             | contoso.com
            www.contoso.com                               | contoso.com
            contoso.com.                                  | contoso.com
            contoso.com..                                 | contoso.com
            ana@contoso.com.tr                            | contoso.com.tr
            Ana.Yilmaz+crm@Mail.Contoso.co.uk             | contoso.co.uk
            ana@mail.contoso.co.uk                        | contoso.co.uk
            a@b@fabrikam.de                               | fabrikam.de
            Ana <ana@fabrikam.de>                         | fabrikam.de
            mailto:ana@fabrikam.de                        | fabrikam.de
            https://www.contoso.com/path?q=1#top          | contoso.com
            HTTPS://WWW.CONTOSO.COM                       | contoso.com
            Http://user:secret@shop.contoso.com:8443/x    | contoso.com
            contoso.com:8080/path                         | contoso.com
            www.contoso.com/tr/iletisim                   | contoso.com
            ftp://files.fabrikam.de                       | fabrikam.de
            müller.de                                     | xn--mller-kva.de
            shop.müller.de                                | xn--mller-kva.de
            MÜLLER.DE                                     | xn--mller-kva.de
            örnek.com.tr                                  | xn--rnek-4qa.com.tr
            xn--mller-kva.de                              | xn--mller-kva.de
            info@örnek.com.tr                             | xn--rnek-4qa.com.tr
            contoso.azurewebsites.net                     | contoso.azurewebsites.net
            sub.domain.example.co.uk                      | example.co.uk
            """)
    void reducesAnyFormToTheRegistrableDomain(String input, String expected) {
        assertThat(Domain.of(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is rejected as {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                      | EMPTY
            '   '                     | EMPTY
            n/a                       | PLACEHOLDER
            N/A                       | PLACEHOLDER
            None                      | PLACEHOLDER
            null                      | PLACEHOLDER
            NaN                       | PLACEHOLDER
            website                   | PLACEHOLDER
            Web Sitesi                | PLACEHOLDER
            http                      | PLACEHOLDER
            https://                  | PLACEHOLDER
            -                         | PLACEHOLDER
            10.0.0.1                  | IP_ADDRESS
            http://192.168.1.10:8080/ | IP_ADDRESS
            '[::1]'                   | IP_ADDRESS
            http://[2001:db8::1]/x    | IP_ADDRESS
            localhost                 | SINGLE_LABEL
            contoso                   | SINGLE_LABEL
            ana@contoso               | SINGLE_LABEL
            ex_ample.com              | INVALID_CHARACTERS
            -bad.com                  | INVALID_CHARACTERS
            'con toso.com'            | INVALID_CHARACTERS
            a..b.com                  | INVALID_CHARACTERS
            co.uk                     | PUBLIC_SUFFIX
            com.tr                    | PUBLIC_SUFFIX
            contoso.internal          | UNKNOWN_SUFFIX
            example.123               | UNKNOWN_SUFFIX
            """)
    void rejectsWhatIsNotADomainWithAReason(String input, DomainRejection reason) {
        assertThat(DomainParser.parse(input))
                .isInstanceOfSatisfying(
                        DomainParseResult.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    @Test
    void rejectsOverLongNames() {
        String longLabel = "a".repeat(64) + ".com";
        String longName = ("abcdefghij".repeat(6) + ".").repeat(5) + "com";

        assertThat(((DomainParseResult.Rejected) DomainParser.parse(longLabel)).reason())
                .isEqualTo(DomainRejection.TOO_LONG);
        assertThat(((DomainParseResult.Rejected) DomainParser.parse(longName)).reason())
                .isEqualTo(DomainRejection.TOO_LONG);
    }

    @Test
    void ignoresATurkishDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Domain.of("INFO@ISTANBUL-BILISIM.COM.TR").value()).isEqualTo("istanbul-bilisim.com.tr");
            assertThat(Domain.of("WWW.IKEA.COM").value()).isEqualTo("ikea.com");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void keepsTheRawHostItCameFrom() {
        assertThat(DomainParser.parse("ana@Mail.Contoso.co.uk"))
                .isEqualTo(new DomainParseResult.Parsed(new Domain("contoso.co.uk"), "Mail.Contoso.co.uk"));
    }

    @Test
    void companyDomainsExcludeConsumerMailboxes() {
        assertThat(DomainParser.parse("ana@gmail.com")).isInstanceOf(DomainParseResult.Parsed.class);
        assertThat(DomainParser.parseCompanyDomain("ana@gmail.com"))
                .isEqualTo(new DomainParseResult.Rejected(DomainRejection.CONSUMER_MAILBOX, "gmail.com"));
        assertThat(DomainParser.parseCompanyDomain("ayse@uk.yahoo.co.uk"))
                .isInstanceOf(DomainParseResult.Rejected.class);
        assertThat(DomainParser.parseCompanyDomain("info@contoso.com")).isInstanceOf(DomainParseResult.Parsed.class);
    }

    @Test
    void everyListedConsumerDomainIsRecognised() {
        assertThat(ConsumerMailboxDomains.all())
                .contains("gmail.com", "hotmail.com.tr", "yandex.com.tr", "163.com")
                .hasSize(27);
        for (String consumer : ConsumerMailboxDomains.all()) {
            assertThat(ConsumerMailboxDomains.contains(Domain.of("someone@" + consumer)))
                    .as(consumer)
                    .isTrue();
        }
    }

    @Test
    void theErrorNamesTheReasonButNotAnEmailAddress() {
        assertThatThrownBy(() -> Domain.of("10.0.0.1"))
                .isInstanceOf(InvalidDomainException.class)
                .hasMessageContaining("'10.0.0.1'")
                .hasMessageContaining("IP address");
        assertThatThrownBy(() -> Domain.of("ayse@localhost"))
                .hasMessageNotContaining("ayse")
                .hasMessageContaining("e-mail address");
    }

    @Test
    void theCanonicalConstructorRejectsNonCanonicalText() {
        assertThatThrownBy(() -> new Domain("Contoso.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Domain("contoso")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Domain("xn--mller-kva.de").value()).isEqualTo("xn--mller-kva.de");
    }
}
