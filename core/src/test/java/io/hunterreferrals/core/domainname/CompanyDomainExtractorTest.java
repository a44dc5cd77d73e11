package io.hunterreferrals.core.domainname;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.LegacyContact;
import io.hunterreferrals.core.referral.Referral;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyDomainExtractorTest {

    private final CompanyDomainExtractor extractor = new CompanyDomainExtractor();

    @Test
    void takesTheFirstCompanyEmailOfTheCustomerTeam() {
        Referral referral = referral(
                List.of("ayse@gmail.com", "ana@Mail.Contoso.co.uk", "bob@fabrikam.de"), List.of(), LegacyContact.NONE);

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.Found(
                        new Domain("contoso.co.uk"), "Mail.Contoso.co.uk", DomainSource.CUSTOMER_TEAM_EMAIL));
    }

    @Test
    void fallsBackToAnExternalIdThatIsAWebAddress() {
        Referral referral = referral(
                List.of("ayse@hotmail.com.tr"),
                List.of(
                        new CustomerId("Duns", "123456789"),
                        new CustomerId("External", "CRM-42"),
                        new CustomerId("External", "https://www.fabrikam.de/kontakt")),
                LegacyContact.NONE);

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.Found(
                        new Domain("fabrikam.de"), "www.fabrikam.de", DomainSource.CUSTOMER_EXTERNAL_ID));
    }

    @Test
    void ignoresDunsNumbersEvenWhenTheyLookLikeHosts() {
        Referral referral = referral(List.of(), List.of(new CustomerId("Duns", "contoso.com")), LegacyContact.NONE);

        assertThat(extractor.extract(referral)).isEqualTo(DomainExtraction.NotFound.NO_CANDIDATES);
    }

    @Test
    void thenTheLegacyWebsiteFields() {
        Referral referral = referral(
                List.of(), List.of(), new LegacyContact("n/a", "http://örnek.com.tr", "ana@contoso.com", null));

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.Found(
                        new Domain("xn--rnek-4qa.com.tr"), "örnek.com.tr", DomainSource.LEGACY_WEBSITE));
    }

    @Test
    void thenTheLegacyEmails() {
        Referral referral =
                referral(List.of(), List.of(), new LegacyContact(null, null, "ayse@yandex.com.tr", "info@contoso.com"));

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.Found(
                        new Domain("contoso.com"), "contoso.com", DomainSource.LEGACY_CONTACT_EMAIL));
    }

    @Test
    void consumerWebsitesAreNoCompanyDomainEither() {
        Referral referral = referral(List.of(), List.of(), new LegacyContact("www.gmail.com", null, null, null));

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.NotFound(
                        "www.gmail.com", DomainSource.LEGACY_WEBSITE, DomainRejection.CONSUMER_MAILBOX));
    }

    @Test
    void reportsTheFirstRejectedHostWhenNothingIsUsable() {
        Referral referral = referral(List.of("ayse@gmail.com", "mehmet@outlook.com"), List.of(), LegacyContact.NONE);

        assertThat(extractor.extract(referral))
                .isEqualTo(new DomainExtraction.NotFound(
                        "gmail.com", DomainSource.CUSTOMER_TEAM_EMAIL, DomainRejection.CONSUMER_MAILBOX));
    }

    @Test
    void findsNothingInAnEmptyReferral() {
        assertThat(extractor.extract(Referral.builder("r-1").build()))
                .isEqualTo(DomainExtraction.NotFound.NO_CANDIDATES);
    }

    private static Referral referral(List<String> emails, List<CustomerId> ids, LegacyContact legacy) {
        return Referral.builder("r-1")
                .customer(new CustomerProfile("Contoso", "TR", null, emails, ids))
                .legacy(legacy)
                .build();
    }
}
