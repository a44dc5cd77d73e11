package io.hunterreferrals.simulator;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a lead URL in parentheses: {@code (<guid>)} or {@code (<key column>='<value>')}. A key reference is only
 * usable once its key is Active, which this checks when parsing.
 *
 * @param id the leadid, or null for a key reference
 * @param keyValue the referral id, or null for an id reference
 */
record DataverseLeadRef(UUID id, String keyColumn, String keyValue) {

    private static final Pattern GUID =
            Pattern.compile("^\\(([0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})\\)$");
    private static final Pattern KEY = Pattern.compile("^\\(([A-Za-z_][A-Za-z0-9_]*)='((?:[^']|'')*)'\\)$");

    static DataverseLeadRef parse(String rest, String keyColumn, DataverseMetadata metadata) {
        Matcher g = GUID.matcher(rest);
        if (g.matches()) {
            return new DataverseLeadRef(UUID.fromString(g.group(1)), keyColumn, null);
        }
        Matcher k = KEY.matcher(rest);
        if (!k.matches()
                || !k.group(1).equals(keyColumn)
                || metadata.keyOn(keyColumn).isEmpty()) {
            // Wording from dataverse.md §2; that the status is 400 is UNCONFIRMED.
            throw new DataverseRejection(DataverseErrors.badRequest(
                    "",
                    "The key in the request URI is not valid for"
                            + " resource 'Microsoft.Dynamics.CRM.lead'. Ensure that the names and number of "
                            + "key properties"
                            + " match the declared key for the resource 'Microsoft.Dynamics.CRM.lead'."));
        }
        if (!metadata.isActiveKey(keyColumn)) {
            // UNCONFIRMED: the docs only say a new key "will not be immediately available"; third-party notes say
            // 400. EntityKeyNotDefined is the closest listed code.
            throw new DataverseRejection(DataverseErrors.badRequest(
                    DataverseErrors.KEY_NOT_DEFINED,
                    "The specified key attributes are not a defined key for the lead entity"));
        }
        return new DataverseLeadRef(null, keyColumn, k.group(2).replace("''", "'"));
    }

    /** {@code leads(<guid>)} or {@code leads(<key>='<value>')}, relative to the service root. */
    String entityPath(UUID leadId) {
        return id != null || keyValue == null
                ? "leads(" + leadId + ")"
                : "leads(" + keyColumn + "='" + keyValue.replace("'", "''") + "')";
    }

    /** 404 for a missing lead: the conditional-operations doc's shape for ids, 0x80060891 for keys (UNCONFIRMED). */
    Reply notFound() {
        return id != null
                ? DataverseErrors.error(404, "", "lead With Id = " + id + " Does Not Exist")
                : DataverseErrors.error(
                        404,
                        DataverseErrors.NO_RECORD_FOR_KEY,
                        "A record with the specified key values does not exist in lead entity");
    }
}
