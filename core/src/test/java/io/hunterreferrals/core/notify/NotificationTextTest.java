package io.hunterreferrals.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.NotificationText.Fact;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.TestNotifications;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationTextTest {

    private static final NotificationText EN = NotificationText.of(Language.EN);
    private static final NotificationText TR = NotificationText.of(Language.TR);

    @Test
    void newReferralTitlesNameTheCategoryAndTheCompany() {
        Event created = TestNotifications.created("r-1").event().event();
        assertThat(EN.title(created)).isEqualTo("New co-sell referral: Contoso Ltd");
        assertThat(TR.title(created)).isEqualTo("Yeni co-sell referral: Contoso Ltd");

        Event unclassified = Event.aboutReferral(
                EventType.REFERRAL_CREATED,
                new ReferralFacts(ReferralId.of("r-2"), ReferralCategory.UNKNOWN, null, null, null, null, "Fabrikam"),
                List.of());
        assertThat(EN.title(unclassified)).isEqualTo("New unclassified referral: Fabrikam");
        assertThat(TR.title(unclassified)).isEqualTo("Yeni sınıflandırılmamış referral: Fabrikam");
    }

    @Test
    void aReferralWithoutACompanyNameIsNamedByItsDomainElseItsId() {
        ReferralFacts noName = new ReferralFacts(
                ReferralId.of("r-3"), ReferralCategory.MARKETPLACE, "New", null, null, "fabrikam.com", " ");
        assertThat(EN.title(Event.aboutReferral(EventType.REFERRAL_UPDATED, noName, List.of())))
                .isEqualTo("Marketplace referral updated: fabrikam.com");
        ReferralFacts bare = new ReferralFacts(
                ReferralId.of("r-4"), ReferralCategory.SOLUTION_PROVIDER, null, null, null, null, null);
        assertThat(TR.title(Event.aboutReferral(EventType.REFERRAL_STATUS_CHANGED, bare, List.of())))
                .isEqualTo("Solution-provider referral durumu değişti: r-4");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasATitleInBothLanguages(EventType type) {
        Event event = type.isAboutReferral()
                ? Event.aboutReferral(type, TestNotifications.facts("r-1", "Contoso"), List.of())
                : Event.failure(type, new EventProblem("x", "y", Optional.empty()));
        assertThat(EN.title(event)).isNotBlank().isNotEqualTo(TR.title(event));
    }

    @Test
    void failureTitles() {
        Event sync = TestNotifications.syncFailed().event().event();
        assertThat(EN.title(sync)).isEqualTo("Partner Center sync failed");
        assertThat(TR.title(sync)).isEqualTo("Partner Center sync başarısız oldu");
        Event push = Event.failure(EventType.DYNAMICS_PUSH_FAILED, new EventProblem("x", "y", Optional.empty()));
        assertThat(EN.title(push)).isEqualTo("Dynamics 365 push failed");
        assertThat(TR.title(push)).isEqualTo("Dynamics 365 aktarımı başarısız oldu");
    }

    @Test
    void labelsAndCaptions() {
        assertThat(EN.fieldLabel(ReferralFacts.DEAL_VALUE)).isEqualTo("Deal value");
        assertThat(TR.fieldLabel(ReferralFacts.DEAL_VALUE)).isEqualTo("Fırsat değeri");
        assertThat(TR.fieldLabel(ReferralFacts.SUBSTATUS)).isEqualTo("Alt durum");
        assertThat(EN.fieldLabel("something_new")).isEqualTo("something_new");
        assertThat(EN.openInHunter()).isEqualTo("Open in Hunter");
        assertThat(TR.openInHunter()).isEqualTo("Hunter'da aç");
        assertThat(EN.openInPartnerCenter()).isEqualTo("Open in Partner Center");
        assertThat(TR.openInPartnerCenter()).isEqualTo("Partner Center'da aç");
        assertThat(EN.requestId()).isEqualTo("Request id");
        assertThat(EN.digestSubject(3)).isEqualTo("3 referral events");
        assertThat(EN.digestSubject(1)).isEqualTo("1 referral event");
        assertThat(TR.digestSubject(3)).isEqualTo("3 referral olayı");
    }

    @Test
    void factsOfAReferralLeaveOutWhatIsAbsent() {
        Event event = Event.aboutReferral(
                EventType.REFERRAL_CREATED,
                new ReferralFacts(ReferralId.of("r-5"), ReferralCategory.CO_SELL, "New", null, null, null, "Contoso"),
                List.of());
        assertThat(EN.facts(event))
                .containsExactly(
                        new Fact("Type", "co-sell"),
                        new Fact("Status", "New"),
                        new Fact("Company", "Contoso"),
                        new Fact("Referral id", "r-5"));
    }

    @Test
    void factsOfAFailureCarryTheRequestId() {
        assertThat(TR.facts(TestNotifications.syncFailed().event().event()))
                .containsExactly(
                        new Fact("Hata kodu", "sign_in_required"),
                        new Fact("Ne oldu", "The sign-in expired: run hunter auth login."),
                        new Fact("İstek numarası", "req-0000-1111"));
    }

    @Test
    void changesReadFromBeforeToAfter() {
        Event event = Event.aboutReferral(
                EventType.REFERRAL_UPDATED,
                TestNotifications.facts("r-6", "Contoso"),
                List.of(
                        new FieldChange(ReferralFacts.STATUS, "New", "Active"),
                        new FieldChange(ReferralFacts.DOMAIN, null, "contoso.com")));
        assertThat(EN.changes(event))
                .containsExactly(new Fact("Status", "New → Active"), new Fact("Domain", "(none) → contoso.com"));
        assertThat(TR.changes(event)).contains(new Fact("Domain", "(yok) → contoso.com"));
    }

    @Test
    void amountsKeepEveryDigitInTheLanguagesFormat() {
        DealValue value = new DealValue(new BigDecimal("1234567.50"), "EUR");
        assertThat(EN.amount(value)).isEqualTo("1,234,567.50 EUR");
        assertThat(TR.amount(value)).isEqualTo("1.234.567,50 EUR");
        assertThat(EN.amount(new DealValue(new BigDecimal("100"), null))).isEqualTo("100");
        assertThat(EN.amount(new DealValue(new BigDecimal("0.125"), "USD"))).isEqualTo("0.125 USD");
    }

    @Test
    void datesInTheLanguage() {
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        assertThat(EN.dateTime(at, ZoneOffset.UTC)).isEqualTo("4 March 2025 10:15 UTC");
        assertThat(TR.dateTime(at, ZoneOffset.UTC)).isEqualTo("4 Mart 2025 10:15 UTC");
    }

    @Test
    void languagesParseFromTheirCodes() {
        assertThat(Language.fromCode(" TR ")).isEqualTo(Language.TR);
        assertThat(Language.fromCode("en")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> Language.fromCode("de")).hasMessageContaining("expected tr or en");
        assertThat(NotificationText.of(Language.TR).language()).isEqualTo(Language.TR);
    }
}
