package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.core.push.LeadDraft;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON body of one lead upsert, column by column as ADR 0012's table names them. What it never holds: the alternate
 * key (it is in the URL only; a key in a create body would win over the URL, dataverse.md §2), and
 * {@code statecode}/{@code statuscode} (the lead's state is the sales team's).
 *
 * <p>Absent values: a value the referral no longer has is sent as JSON {@code null}, so the lead follows the referral
 * (company, website, country, notes, budget, status, substatus). The contact's name, e-mail and phone are the
 * exception: when the referral has none they are left out, so what a salesperson typed into the lead survives. A budget
 * whose currency is unknown (none given, not an ISO code, or missing in the organisation) is left out together with the
 * currency, since an amount in the wrong currency would be worse than none.
 */
final class LeadBody {

    private final LeadColumns columns;

    LeadBody(LeadColumns columns) {
        this.columns = columns;
    }

    /** @param currency the bound currency of the budget; empty when the budget is absent or cannot be bound */
    ObjectNode of(LeadDraft d, Optional<UUID> currency) {
        ObjectNode b = Json.object();
        b.put(LeadColumns.SUBJECT, d.subject());
        b.put(LeadColumns.COMPANY, d.companyName());
        b.put(LeadColumns.WEBSITE, d.website());
        b.put(LeadColumns.COUNTRY, d.country());
        budget(b, d.budget(), currency);
        b.put(LeadColumns.DESCRIPTION, d.description());
        b.put(LeadColumns.LEAD_SOURCE, LeadColumns.LEAD_SOURCE_PARTNER);
        putIfPresent(b, LeadColumns.FIRST_NAME, d.contactFirstName());
        putIfPresent(b, LeadColumns.LAST_NAME, d.contactLastName());
        putIfPresent(b, LeadColumns.EMAIL, d.contactEmail());
        putIfPresent(b, LeadColumns.PHONE, d.contactPhone());
        b.put(columns.isReferral(), true);
        b.put(columns.referralType(), d.referralType().label());
        b.put(columns.referralStatus(), d.status());
        b.put(columns.referralSubstatus(), d.substatus());
        if (d.partnerCenterUrl().length() <= LeadColumns.URL_LENGTH) {
            // Only an absurdly long referral id makes the link longer than its column; the lead goes without it.
            b.put(columns.partnerCenterUrl(), d.partnerCenterUrl());
        }
        return b;
    }

    /** Whether the draft's budget can be sent at all, before its currency is looked up. */
    static boolean budgetSendable(LeadDraft d) {
        return d.budget() != null && d.budget().signum() >= 0 && d.budget().compareTo(LeadColumns.MONEY_MAX) <= 0;
    }

    private static void budget(ObjectNode b, BigDecimal budget, Optional<UUID> currency) {
        if (budget == null) {
            b.putNull(LeadColumns.BUDGET);
            return;
        }
        if (currency.isEmpty()) {
            return;
        }
        // Money has precision 2 (lead.md); whether Dataverse rounds or refuses more digits is UNCONFIRMED, so round.
        b.put(LeadColumns.BUDGET, budget.setScale(2, RoundingMode.HALF_UP));
        b.put(LeadColumns.CURRENCY_BIND, "/transactioncurrencies(" + currency.get() + ")");
    }

    private static void putIfPresent(ObjectNode b, String column, String value) {
        if (value != null) {
            b.put(column, value);
        }
    }
}
