package io.hunterreferrals.simulator;

import java.util.List;
import java.util.UUID;

/**
 * An alternate key of the lead table and the state of its index job.
 *
 * @param status the EntityKeyIndexStatus the Web API would return now
 */
public record DataverseKey(
        UUID metadataId, String schemaName, String logicalName, List<String> keyAttributes, Status status) {

    /** EntityKeyIndexStatus; the Web API returns the names (dataverse.md §3). */
    public enum Status {
        Pending,
        InProgress,
        Active,
        Failed
    }

    public DataverseKey {
        keyAttributes = List.copyOf(keyAttributes);
    }
}
