package io.hunterreferrals.core.push;

import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Optional;

/**
 * The business rules of turning a stored referral into a lead: which value goes where, the fallbacks, and how text that
 * is too long is cut. The CRM's own fields (its lead source code, its currency lookup, its column names) are the
 * adapter's. docs/adr/0012-dynamics-lead-mapping.md explains each choice.
 */
public final class LeadMapping {

    /**
     * The version of these rules. Stored with each push state: when a rule changes, raising it makes every referral due
     * again so that every lead gets the new values.
     */
    public static final int VERSION = 1;

    /** Ends text that was cut, so a reader of the lead knows there is more in Partner Center. */
    static final String CUT_MARKER = " […]";

    private static final String PARTNER_CENTER_REFERRAL = "https://partner.microsoft.com/dashboard/referrals/";

    private final LeadLimits limits;

    public LeadMapping(LeadLimits limits) {
        this.limits = limits;
    }

    public LeadDraft draft(PushCandidate c) {
        Optional<CustomerContact> contact = c.contact();
        return new LeadDraft(
                c.referralId(),
                cut(subject(c), limits.subject()),
                cut(c.companyName(), limits.companyName()),
                c.domain()
                        .map(LeadMapping::website)
                        .filter(url -> url.length() <= limits.website())
                        .orElse(null),
                cut(c.country(), limits.country()),
                c.dealValue() == null ? null : c.dealValue().amount(),
                c.dealValue() == null ? null : c.dealValue().currency(),
                cut(c.notes(), limits.description()),
                cut(contact.map(CustomerContact::firstName).orElse(null), limits.firstName()),
                cut(contact.map(CustomerContact::lastName).orElse(null), limits.lastName()),
                // an e-mail cut short is a wrong address: leave it out instead
                contact.map(CustomerContact::email)
                        .filter(e -> e.length() <= limits.email())
                        .orElse(null),
                cut(contact.map(CustomerContact::phoneNumber).orElse(null), limits.phone()),
                c.category(),
                c.status(),
                c.substatus(),
                partnerCenterUrl(c.referralId()));
    }

    /** The referral in Partner Center's web UI (the UI's "Open in Partner Center" link goes to the same place). */
    public static String partnerCenterUrl(ReferralId id) {
        return PARTNER_CENTER_REFERRAL
                + java.net.URLEncoder.encode(id.value(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    /** The referral's name; else the company's, marked as a referral; else the referral id. A lead needs a topic. */
    private static String subject(PushCandidate c) {
        if (c.name() != null && !c.name().isBlank()) {
            return c.name().strip();
        }
        if (c.companyName() != null && !c.companyName().isBlank()) {
            return c.companyName().strip() + " (Partner Center referral)";
        }
        return "Partner Center referral " + c.referralId().value();
    }

    private static String website(Domain domain) {
        return "https://" + domain.value();
    }

    /** Text within {@code max} characters, cut at a code point boundary with {@link #CUT_MARKER} when it was longer. */
    static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() <= max) {
            return value;
        }
        int end = max - CUT_MARKER.length();
        if (Character.isLowSurrogate(value.charAt(end))) {
            end--; // never split a surrogate pair
        }
        return value.substring(0, end).stripTrailing() + CUT_MARKER;
    }
}
