package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an event says about a referral: enough to act on it (type, status, company, deal) and no personal data — no
 * contact, no notes, no referral name (which customers often fill with a person's name). {@link #toString()} leaves out
 * the company name too, so logs carry the id only.
 *
 * @param id the referral id
 * @param category the sales category
 * @param status Partner Center's status text ({@code New}, {@code Active}, {@code Closed}), {@code null} when absent
 * @param substatus its substatus text, {@code null} when absent
 * @param dealValue the deal value, {@code null} when absent
 * @param domain the company domain, {@code null} when it has none
 * @param companyName the customer company's name, {@code null} when absent
 */
public record ReferralFacts(
        ReferralId id,
        ReferralCategory category,
        String status,
        String substatus,
        DealValue dealValue,
        String domain,
        String companyName) {

    /** The names {@link FieldChange#field()} uses, in the order changes are listed. */
    public static final String STATUS = "status";

    public static final String SUBSTATUS = "substatus";
    public static final String DEAL_VALUE = "deal_value";
    public static final String TYPE = "type";
    public static final String DOMAIN = "domain";
    public static final String COMPANY_NAME = "company_name";

    public ReferralFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
    }

    /** The facts of a referral as a sync is about to store it. */
    public static ReferralFacts of(ReferralRecord record) {
        return new ReferralFacts(
                record.referral().id(),
                record.classification().category(),
                record.referral().status().raw(),
                record.referral().substatus().raw(),
                record.referral().dealValue(),
                record.domain() instanceof DomainExtraction.Found found
                        ? found.domain().value()
                        : null,
                record.referral().customer().name());
    }

    /** The deal value as one text, {@code 12500.00 EUR}; {@code null} when absent. */
    public String dealValueText() {
        if (dealValue == null) {
            return null;
        }
        String amount = dealValue.amount().toPlainString();
        return dealValue.currency() == null ? amount : amount + " " + dealValue.currency();
    }

    /** The fields people act on that differ from {@code before}'s, in a fixed order. */
    public List<FieldChange> changesSince(ReferralFacts before) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, STATUS, before.status, status);
        add(changes, SUBSTATUS, before.substatus, substatus);
        if (!sameDeal(before.dealValue, dealValue)) {
            changes.add(new FieldChange(DEAL_VALUE, before.dealValueText(), dealValueText()));
        }
        add(changes, TYPE, before.category.label(), category.label());
        add(changes, DOMAIN, before.domain, domain);
        add(changes, COMPANY_NAME, before.companyName, companyName);
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /** Amounts compare by value: the database gives back {@code 100.00} for the API's {@code 100}. */
    private static boolean sameDeal(DealValue a, DealValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.amount().compareTo(b.amount()) == 0 && Objects.equals(a.currency(), b.currency());
    }

    @Override
    public String toString() {
        return "ReferralFacts[id=" + id.value() + ", category=" + category.label() + ", status=" + status + "]";
    }
}
