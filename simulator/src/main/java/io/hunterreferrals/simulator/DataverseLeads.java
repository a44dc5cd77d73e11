package io.hunterreferrals.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The simulated lead table: what the Web API wrote, plus the levers a test pulls to play the sales team (insert a lead
 * by hand, qualify it, edit it, delete it). Thread-safe; this object's monitor is also the lock of
 * {@link DataverseMetadata}, so a change set and a key index job never interleave.
 */
public final class DataverseLeads {

    private final String keyColumn;
    private final DataverseIds ids;
    private final Clock clock;
    private final UUID ownerId;
    private final BooleanSupplier keyActive;
    private Map<UUID, Stored> byId = new LinkedHashMap<>();
    // The upsert doc's example ETag; any start would do, clients may only compare ETags for equality.
    private long nextVersion = 71_004_878;
    private int created;
    private int updated;
    private int inserted;

    DataverseLeads(String keyColumn, DataverseIds ids, Clock clock, UUID ownerId, BooleanSupplier keyActive) {
        this.keyColumn = keyColumn;
        this.ids = ids;
        this.clock = clock;
        this.ownerId = ownerId;
        this.keyActive = keyActive;
    }

    // ---- snapshots ------------------------------------------------------------------------------------------------

    public synchronized List<DataverseLead> all() {
        return byId.values().stream().map(Stored::snapshot).toList();
    }

    public synchronized Optional<DataverseLead> byId(UUID leadId) {
        return Optional.ofNullable(byId.get(leadId)).map(Stored::snapshot);
    }

    /** The lead whose alternate-key column holds this referral id (the first one, should the key have failed). */
    public synchronized Optional<DataverseLead> byReferralId(String referralId) {
        return find(referralId).map(Stored::snapshot);
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Leads the Web API created (upserts that inserted). */
    public synchronized int createdCount() {
        return created;
    }

    /** Web API upserts that updated an existing lead. */
    public synchronized int updatedCount() {
        return updated;
    }

    // ---- levers: the sales team -----------------------------------------------------------------------------------

    /**
     * Stores a lead as if someone created it in the CRM (no validation, no API write recorded). Property names as the
     * Web API returns them; statecode 0 / statuscode 1 unless given. Two leads with the same referral id make a later
     * key index job fail; while the key is Active a duplicate is refused, as the index would.
     */
    public synchronized UUID insert(Map<String, Object> columns) {
        Object key = columns.get(keyColumn);
        if (key != null && keyActive.getAsBoolean() && find(key.toString()).isPresent()) {
            throw new IllegalStateException("a lead with " + keyColumn + " = " + key + " exists and the key is Active");
        }
        UUID id = ids.uuid("inserted-lead", Integer.toString(++inserted));
        Stored s = new Stored(id, clock.instant(), false);
        s.columns.put("statecode", 0);
        s.columns.put("statuscode", 1);
        s.columns.put("_ownerid_value", ownerId.toString());
        s.columns.putAll(columns);
        s.version = nextVersion++;
        byId.put(id, s);
        return id;
    }

    /** Qualifies, disqualifies or reopens a lead as a salesperson would; not an API write. */
    public synchronized void setState(UUID leadId, int statecode, int statuscode) {
        if (!DataverseLeadSchema.validStatus(statecode, statuscode)) {
            throw new IllegalArgumentException(statuscode + " is not a valid status code for state code " + statecode);
        }
        Stored s = existing(leadId);
        s.columns.put("statecode", statecode);
        s.columns.put("statuscode", statuscode);
        touch(s);
    }

    /** Changes one column as a salesperson would; not an API write. */
    public synchronized void edit(UUID leadId, String property, Object value) {
        Stored s = existing(leadId);
        s.columns.put(Objects.requireNonNull(property), value);
        touch(s);
    }

    public synchronized boolean delete(UUID leadId) {
        return byId.remove(leadId) != null;
    }

    public synchronized void clear() {
        byId.clear();
        created = 0;
        updated = 0;
    }

    // ---- the Web API side -----------------------------------------------------------------------------------------

    synchronized Optional<UUID> idForKey(String referralId) {
        return find(referralId).map(s -> s.id);
    }

    /** A new lead; its id derives from the key (or the given id), so the same seed gives the same leadid. */
    synchronized DataverseLead create(
            UUID requestedId, String referralId, Map<String, Object> values, Map<String, Object> asSent) {
        UUID id = requestedId;
        for (int n = 0; id == null || byId.containsKey(id); n++) {
            id = ids.uuid("lead", String.valueOf(referralId), Integer.toString(n));
        }
        Stored s = new Stored(id, clock.instant(), true);
        s.columns.put("statecode", 0);
        s.columns.put("statuscode", 1);
        s.columns.put("_ownerid_value", ownerId.toString());
        if (referralId != null) {
            s.columns.put(keyColumn, referralId);
        }
        s.columns.putAll(values);
        s.writes.add(new LinkedHashMap<>(asSent));
        s.version = nextVersion++;
        byId.put(id, s);
        created++;
        return s.snapshot();
    }

    synchronized DataverseLead update(UUID id, Map<String, Object> values, Map<String, Object> asSent) {
        Stored s = existing(id);
        s.columns.putAll(values);
        s.writes.add(new LinkedHashMap<>(asSent));
        s.updates++;
        touch(s);
        updated++;
        return s.snapshot();
    }

    /** Key values held by more than one lead: a key index over them fails. */
    synchronized boolean hasDuplicates(String column) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Stored s : byId.values()) {
            Object v = s.columns.get(column);
            if (v != null && counts.merge(v, 1, Integer::sum) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Runs work as one transaction: when {@code failed} says so, every lead is put back as it was (a change set). */
    synchronized <T> T atomically(Supplier<T> work, Predicate<T> failed) {
        Map<UUID, Stored> saved = new LinkedHashMap<>();
        byId.forEach((id, s) -> saved.put(id, s.copy()));
        long version = nextVersion;
        int c = created;
        int u = updated;
        T result = work.get();
        if (failed.test(result)) {
            byId = saved;
            nextVersion = version;
            created = c;
            updated = u;
        }
        return result;
    }

    private Optional<Stored> find(String referralId) {
        return byId.values().stream()
                .filter(s -> referralId.equals(s.columns.get(keyColumn)))
                .findFirst();
    }

    private Stored existing(UUID id) {
        Stored s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no lead " + id);
        }
        return s;
    }

    private void touch(Stored s) {
        s.modifiedOn = clock.instant();
        s.version = nextVersion++;
    }

    private final class Stored {

        final UUID id;
        final Instant createdOn;
        final boolean createdByApi;
        final Map<String, Object> columns = new LinkedHashMap<>();
        final List<Map<String, Object>> writes = new ArrayList<>();
        Instant modifiedOn;
        long version;
        int updates;

        Stored(UUID id, Instant createdOn, boolean createdByApi) {
            this.id = id;
            this.createdOn = createdOn;
            this.modifiedOn = createdOn;
            this.createdByApi = createdByApi;
        }

        Stored copy() {
            Stored c = new Stored(id, createdOn, createdByApi);
            c.columns.putAll(columns);
            c.writes.addAll(writes);
            c.modifiedOn = modifiedOn;
            c.version = version;
            c.updates = updates;
            return c;
        }

        DataverseLead snapshot() {
            Object key = columns.get(keyColumn);
            return new DataverseLead(
                    id,
                    key == null ? null : key.toString(),
                    columns,
                    createdByApi,
                    updates,
                    writes,
                    createdOn,
                    modifiedOn,
                    version);
        }
    }
}
