package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.DataverseColumn.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard lead columns of dataverse.md §4 (lead.md, v9.0): names, types, max lengths, choice values and the
 * state/status model. Only those: a column the reference does not list is unknown to the simulator (400), so verify
 * further columns against the org's $metadata before relying on them.
 */
final class DataverseLeadSchema {

    static final String ENTITY = "lead";
    static final String ENTITY_SET = "leads";
    static final String PRIMARY_KEY = "leadid";

    /** Lookup column → the entity set its @odata.bind must point at. */
    static final Map<String, Set<String>> LOOKUP_TARGETS =
            Map.of("transactioncurrencyid", Set.of("transactioncurrencies"), "ownerid", Set.of("systemusers", "teams"));

    /** statecode → its statuscodes; the first is the default status of the state. */
    static final Map<Integer, List<Integer>> STATUSES = Map.of(0, List.of(1, 2), 1, List.of(3), 2, List.of(4, 5, 6, 7));

    /** LeadState names, as the bad-status error message spells them (dataverse.md §2). */
    static final Map<Integer, String> STATE_NAMES = Map.of(0, "Open", 1, "Qualified", 2, "Disqualified");

    static final List<DataverseColumn> STANDARD = List.of(
            system("leadid", Type.UNIQUEIDENTIFIER),
            string("subject", 300),
            string("firstname", 50),
            string("lastname", 50),
            system("fullname", Type.STRING),
            string("companyname", 100),
            string("emailaddress1", 100),
            string("telephone1", 50),
            string("websiteurl", 200),
            string("address1_country", 80),
            new DataverseColumn("description", "Description", Type.MEMO, 2000, false, true, List.of()),
            new DataverseColumn(
                    "leadsourcecode",
                    "LeadSourceCode",
                    Type.PICKLIST,
                    0,
                    false,
                    true,
                    List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
            new DataverseColumn("budgetamount", "BudgetAmount", Type.MONEY, 0, false, true, List.of()),
            system("budgetamount_base", Type.MONEY),
            new DataverseColumn(
                    "transactioncurrencyid", "TransactionCurrencyId", Type.LOOKUP, 0, false, true, List.of()),
            new DataverseColumn("ownerid", "OwnerId", Type.OWNER, 0, false, true, List.of()),
            new DataverseColumn("statecode", "StateCode", Type.STATE, 0, false, true, List.of(0, 1, 2)),
            new DataverseColumn("statuscode", "StatusCode", Type.STATUS, 0, false, true, List.of(1, 2, 3, 4, 5, 6, 7)),
            system("createdon", Type.DATETIME),
            system("modifiedon", Type.DATETIME),
            system("versionnumber", Type.BIGINT));

    /** budgetamount's range (lead.md: 0 to 1,000,000,000,000, precision 2). */
    static final java.math.BigDecimal MONEY_MAX = new java.math.BigDecimal("1000000000000");

    private DataverseLeadSchema() {}

    private static DataverseColumn string(String name, int maxLength) {
        return new DataverseColumn(name, schemaName(name), Type.STRING, maxLength, false, true, List.of());
    }

    private static DataverseColumn system(String name, Type type) {
        int maxLength = type == Type.STRING ? 160 : 0;
        return new DataverseColumn(name, schemaName(name), type, maxLength, false, false, List.of());
    }

    /** Good enough for metadata listings: Address1_Country, EmailAddress1. */
    private static String schemaName(String logicalName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : logicalName.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '_';
        }
        return sb.toString();
    }

    static boolean validStatus(int state, int status) {
        List<Integer> allowed = STATUSES.get(state);
        return allowed != null && allowed.contains(status);
    }
}
