package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.DataverseKey.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The lead table's definition: standard columns, the custom columns created through the metadata API, and alternate
 * keys with their asynchronous index jobs. A job starts Pending and ends Active, or Failed when stored leads hold
 * duplicate values in the key column (dataverse.md §3). It moves on either with reads of the Keys collection (the
 * default: the {@code polls}-th read sees the end state) or with the clock, when a duration is configured. Shares the
 * monitor of {@link DataverseLeads}.
 */
public final class DataverseMetadata {

    private final DataverseLeads leads;
    private final DataverseIds ids;
    private final Clock clock;
    private final String keyColumn;
    private final int polls;
    private final Duration delay;
    private final Map<String, DataverseColumn> custom = new LinkedHashMap<>();
    private final List<Job> keys = new ArrayList<>();

    /** @param delay null to move index jobs on with reads; otherwise the time a job takes */
    DataverseMetadata(
            DataverseLeads leads, DataverseIds ids, Clock clock, String keyColumn, int polls, Duration delay) {
        this.leads = leads;
        this.ids = ids;
        this.clock = clock;
        this.keyColumn = keyColumn;
        this.polls = polls;
        this.delay = delay;
    }

    /** Standard columns first, then custom ones in creation order. */
    public List<DataverseColumn> columns() {
        synchronized (leads) {
            return Stream.concat(DataverseLeadSchema.STANDARD.stream(), custom.values().stream())
                    .toList();
        }
    }

    public List<DataverseColumn> customColumns() {
        synchronized (leads) {
            return List.copyOf(custom.values());
        }
    }

    public Optional<DataverseColumn> column(String logicalName) {
        return columns().stream()
                .filter(c -> c.logicalName().equals(logicalName))
                .findFirst();
    }

    /** Every key with its status now, without counting as a read. */
    public List<DataverseKey> keys() {
        synchronized (leads) {
            return keys.stream().map(j -> j.snapshot(false)).toList();
        }
    }

    /** The status of the key over the referral-id column, if one was created. */
    public Optional<Status> referralKeyStatus() {
        return keys().stream()
                .filter(k -> k.keyAttributes().equals(List.of(keyColumn)))
                .map(DataverseKey::status)
                .findFirst();
    }

    /** Ends every running index job now: Active, or Failed over duplicate values. */
    public void completeKeyIndexes() {
        synchronized (leads) {
            keys.stream().filter(j -> j.end == null).forEach(Job::finish);
        }
    }

    /** After fixing the data, restarts a Failed job, as the ReactivateEntityKey action does (not simulated itself). */
    public void reactivateKeys() {
        synchronized (leads) {
            keys.stream().filter(j -> j.end == Status.Failed).forEach(Job::restart);
        }
    }

    // ---- the metadata API side ------------------------------------------------------------------------------------

    /** False if a column of that name exists. */
    boolean addColumn(DataverseColumn column) {
        synchronized (leads) {
            if (column(column.logicalName()).isPresent()) {
                return false;
            }
            custom.put(column.logicalName(), column);
            return true;
        }
    }

    /** Starts the index job of a new key; the caller has validated it. */
    DataverseKey addKey(String schemaName, List<String> attributes) {
        synchronized (leads) {
            Job job = new Job(ids.uuid("key", schemaName.toLowerCase(java.util.Locale.ROOT)), schemaName, attributes);
            keys.add(job);
            if (polls == 0 && delay == null) {
                job.finish();
            }
            return job.snapshot(false);
        }
    }

    /** A GET of the Keys collection: counts as a read, which moves poll-driven jobs on. */
    List<DataverseKey> readKeys() {
        synchronized (leads) {
            return keys.stream().map(j -> j.snapshot(true)).toList();
        }
    }

    /** Whether an Active key covers exactly this column: only then can it be used in a URL. */
    boolean isActiveKey(String column) {
        return keyOn(column).map(k -> k.status() == Status.Active).orElse(false);
    }

    Optional<DataverseKey> keyOn(String column) {
        return keys().stream()
                .filter(k -> k.keyAttributes().equals(List.of(column)))
                .findFirst();
    }

    /** Back to a table with the given custom columns and, if wanted, an Active referral-id key. */
    void reset(List<DataverseColumn> columns, boolean withKey, String keySchemaName) {
        synchronized (leads) {
            custom.clear();
            keys.clear();
            columns.forEach(c -> custom.put(c.logicalName(), c));
            if (withKey) {
                Job job = new Job(
                        ids.uuid("key", keySchemaName.toLowerCase(java.util.Locale.ROOT)),
                        keySchemaName,
                        List.of(keyColumn));
                job.finish();
                keys.add(job);
            }
        }
    }

    private final class Job {

        final UUID metadataId;
        final String schemaName;
        final List<String> attributes;
        Instant startedAt = clock.instant();
        int reads;
        Status end;

        Job(UUID metadataId, String schemaName, List<String> attributes) {
            this.metadataId = metadataId;
            this.schemaName = schemaName;
            this.attributes = List.copyOf(attributes);
        }

        DataverseKey snapshot(boolean read) {
            if (read && end == null) {
                reads++;
            }
            return new DataverseKey(
                    metadataId, schemaName, schemaName.toLowerCase(java.util.Locale.ROOT), attributes, status());
        }

        private Status status() {
            if (end != null) {
                return end;
            }
            if (delay != null) {
                Duration elapsed = Duration.between(startedAt, clock.instant());
                if (elapsed.compareTo(delay) >= 0) {
                    return finish();
                }
                return elapsed.compareTo(delay.dividedBy(2)) >= 0 ? Status.InProgress : Status.Pending;
            }
            if (reads >= polls) {
                return finish();
            }
            return reads <= 1 ? Status.Pending : Status.InProgress;
        }

        Status finish() {
            end = attributes.stream().anyMatch(leads::hasDuplicates) ? Status.Failed : Status.Active;
            return end;
        }

        void restart() {
            end = null;
            reads = 0;
            startedAt = clock.instant();
        }
    }
}
