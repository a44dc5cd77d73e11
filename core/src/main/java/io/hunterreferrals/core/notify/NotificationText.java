package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.referral.DealValue;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one catalogue of what notifications say to people, in Turkish and English: titles, field labels, link captions
 * and the facts of an event as label/value pairs. Every channel (e-mail, Teams, Slack) lays these out and escapes them
 * for its own markup; none writes a human text of its own, so the two languages and the channels cannot drift apart.
 *
 * <p>Values taken from Partner Center (company names, domains, statuses, messages) are returned as they are: escaping
 * is the channel's job, because only it knows its markup (HTML, Markdown, Slack mrkdwn).
 */
public final class NotificationText {

    /** The language of a channel's messages ({@code HUNTER_NOTIFY_LANGUAGE}: {@code tr} or {@code en}). */
    public enum Language {
        TR("tr", Locale.forLanguageTag("tr-TR")),
        EN("en", Locale.forLanguageTag("en-GB"));

        private final String code;
        private final Locale locale;

        Language(String code, Locale locale) {
            this.code = code;
            this.locale = locale;
        }

        public String code() {
            return code;
        }

        /** For number and date formats. */
        public Locale locale() {
            return locale;
        }

        /**
         * Parses {@code tr} or {@code en}, without regard to case or surrounding blanks.
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Language fromCode(String code) {
            String text = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(l -> l.code.equals(text))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Unknown notification language '" + text + "'; expected tr or en"));
        }
    }

    /**
     * One line of a notification: {@code Durum: Aktif}.
     *
     * @param label the field's caption in the channel's language
     * @param value the value, as Partner Center sent it or as formatted here; never blank
     */
    public record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    private static final NotificationText TURKISH = new NotificationText(Language.TR);
    private static final NotificationText ENGLISH = new NotificationText(Language.EN);

    private final Language language;

    private NotificationText(Language language) {
        this.language = language;
    }

    public static NotificationText of(Language language) {
        return Objects.requireNonNull(language, "language") == Language.TR ? TURKISH : ENGLISH;
    }

    public Language language() {
        return language;
    }

    private String say(String en, String tr) {
        return language == Language.TR ? tr : en;
    }

    // --- titles ---------------------------------------------------------------------------------------------------

    /** The headline of one event: {@code New co-sell referral: Contoso} / {@code Yeni co-sell referral: Contoso}. */
    public String title(Event event) {
        String name = event.referral().map(this::referralName).orElse("");
        String category = event.referral().map(r -> category(r.category())).orElse("");
        return switch (event.type()) {
            case REFERRAL_CREATED -> say("New ", "Yeni ") + category + " referral: " + name;
            case REFERRAL_UPDATED ->
                capitalised(category) + say(" referral updated: ", " referral güncellendi: ") + name;
            case REFERRAL_STATUS_CHANGED ->
                capitalised(category) + say(" referral status changed: ", " referral durumu değişti: ") + name;
            case REFERRAL_LINKED -> say("Referral linked to a lead: ", "Referral bir lead'e bağlandı: ") + name;
            case REFERRAL_UNLINKED -> say("Referral unlinked: ", "Referral'ın bağlantısı kaldırıldı: ") + name;
            case SYNC_FAILED -> say("Partner Center sync failed", "Partner Center sync başarısız oldu");
            case DYNAMICS_PUSH_FAILED -> say("Dynamics 365 push failed", "Dynamics 365 aktarımı başarısız oldu");
            case TEST -> say("Hunter Referrals test message", "Hunter Referrals test mesajı");
        };
    }

    /** The subject of a digest: {@code 3 referral events} / {@code 3 referral olayı}. */
    public String digestSubject(int events) {
        return events + say(events == 1 ? " referral event" : " referral events", " referral olayı");
    }

    /** What a test message says under its title. */
    public String testMessage() {
        return say(
                "This is a test message from Hunter Referrals: notifications reach this channel.",
                "Bu, Hunter Referrals'ın bir test mesajıdır: bildirimler bu kanala ulaşıyor.");
    }

    /** The line at the end of a message, saying who sent it and why. */
    public String footer() {
        return say(
                "Sent by Hunter Referrals. The event id is the idempotency key: a repeated notification has the same id.",
                "Hunter Referrals tarafından gönderildi. Olay numarası tekrar anahtarıdır: tekrarlanan bildirim aynı"
                        + " numarayı taşır.");
    }

    // --- labels ---------------------------------------------------------------------------------------------------

    /**
     * The caption of a {@link ReferralFacts} field ({@code status}, {@code deal_value}, ...); unknown ones as given.
     */
    public String fieldLabel(String field) {
        return switch (field) {
            case ReferralFacts.STATUS -> say("Status", "Durum");
            case ReferralFacts.SUBSTATUS -> say("Substatus", "Alt durum");
            case ReferralFacts.DEAL_VALUE -> say("Deal value", "Fırsat değeri");
            case ReferralFacts.TYPE -> say("Type", "Referral tipi");
            case ReferralFacts.DOMAIN -> "Domain";
            case ReferralFacts.COMPANY_NAME -> say("Company", "Şirket");
            default -> field;
        };
    }

    /**
     * A category as people read it in a sentence: {@code co-sell}, {@code unclassified} / {@code sınıflandırılmamış}.
     */
    public String category(ReferralCategory category) {
        return category == ReferralCategory.UNKNOWN ? say("unclassified", "sınıflandırılmamış") : category.label();
    }

    public String openInHunter() {
        return say("Open in Hunter", "Hunter'da aç");
    }

    public String openInPartnerCenter() {
        return say("Open in Partner Center", "Partner Center'da aç");
    }

    public String requestId() {
        return say("Request id", "İstek numarası");
    }

    public String errorCode() {
        return say("Error code", "Hata kodu");
    }

    public String problemMessage() {
        return say("What happened", "Ne oldu");
    }

    public String referralId() {
        return say("Referral id", "Referral numarası");
    }

    public String eventId() {
        return say("Event id", "Olay numarası");
    }

    public String occurredAt() {
        return say("When", "Zaman");
    }

    public String changes() {
        return say("What changed", "Değişenler");
    }

    /** The word for a value that is absent: a change from nothing, a referral without a domain. */
    public String none() {
        return say("(none)", "(yok)");
    }

    // --- facts ----------------------------------------------------------------------------------------------------

    /**
     * What an event says, line by line: for a referral its type, status, substatus, deal value, domain, company and id;
     * for a failure its error code, message and request id. Absent values are left out.
     */
    public List<Fact> facts(Event event) {
        List<Fact> facts = new ArrayList<>();
        event.referral().ifPresent(r -> {
            add(facts, fieldLabel(ReferralFacts.TYPE), category(r.category()));
            add(facts, fieldLabel(ReferralFacts.STATUS), r.status());
            add(facts, fieldLabel(ReferralFacts.SUBSTATUS), r.substatus());
            add(facts, fieldLabel(ReferralFacts.DEAL_VALUE), r.dealValue() == null ? null : amount(r.dealValue()));
            add(facts, fieldLabel(ReferralFacts.DOMAIN), r.domain());
            add(facts, fieldLabel(ReferralFacts.COMPANY_NAME), r.companyName());
            add(facts, referralId(), r.id().value());
        });
        event.problem().ifPresent(p -> {
            add(facts, errorCode(), p.code());
            add(facts, problemMessage(), p.message());
            add(facts, requestId(), p.requestId().orElse(null));
        });
        return List.copyOf(facts);
    }

    /** Each change as {@code Status: New → Active}; a deal value's amount formatted for the language. */
    public List<Fact> changes(Event event) {
        return event.changes().stream()
                .map(c -> new Fact(fieldLabel(c.field()), changeValue(c.before()) + " → " + changeValue(c.after())))
                .collect(Collectors.toUnmodifiableList());
    }

    // --- formats --------------------------------------------------------------------------------------------------

    /** {@code 12.500,00 EUR} in Turkish, {@code 12,500.00 EUR} in English; every digit of the amount is kept. */
    public String amount(DealValue value) {
        BigDecimal amount = value.amount();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(language.locale()));
        int scale = Math.max(amount.scale(), 0);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        String number = format.format(amount);
        return value.currency() == null ? number : number + " " + value.currency();
    }

    /** {@code 4 Mart 2025 10:15 UTC} / {@code 4 March 2025 10:15 UTC}, in {@code zone}. */
    public String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", language.locale())
                        .format(instant.atZone(zone))
                + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }

    /** The company's name, else its domain, else the referral id: a title always names the referral. */
    public String referralName(ReferralFacts referral) {
        if (referral.companyName() != null && !referral.companyName().isBlank()) {
            return referral.companyName().strip();
        }
        if (referral.domain() != null && !referral.domain().isBlank()) {
            return referral.domain();
        }
        return referral.id().value();
    }

    /** A change's side: a deal value text ({@code 12500.00 EUR}) stays as stored, so both sides read alike. */
    private String changeValue(String value) {
        return value == null || value.isBlank() ? none() : value;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(language.locale()) + text.substring(1);
    }
}
