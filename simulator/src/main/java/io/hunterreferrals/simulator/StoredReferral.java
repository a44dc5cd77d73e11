package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.ReferralGenerator.StatusPair;
import io.hunterreferrals.simulator.ReferralGenerator.Summary;
import java.time.Instant;

/**
 * One referral as the store keeps it. A generated one is compact: its generator index plus the fields the index sorts
 * and filters on (shared strings and primitives, about 150 bytes with its id), and its JSON is rebuilt from the seed
 * when served, with any {@code touch}/{@code changeStatus} laid over it. Anything else (put, injectRaw, arbitrary
 * updates) is kept as its JSON, which is rare enough not to matter for memory. Mutable, guarded by the store's lock.
 */
final class StoredReferral {

    final long seq;
    private final int index;
    private final boolean fresh; // generated "now" by addNew: created = updated = createdAt, not drawn from the seed
    private final JsonNode json; // non-null for rows kept as JSON
    private final String id;
    private final String direction;
    private final ClassificationCase cls;
    private final long createdSeconds;
    private final int createdNanos;
    private String status;
    private String substatus;
    private SortPosition updated;
    // Set once touch/changeStatus has changed a generated row; null fields keep the generated value.
    private boolean changed;
    private String etag;
    private Instant accepted;
    private Instant closed;

    private StoredReferral(long seq, int index, boolean fresh, Summary s) {
        this.seq = seq;
        this.index = index;
        this.fresh = fresh;
        this.json = null;
        this.id = s.id();
        this.direction = s.direction();
        this.cls = s.cls();
        Instant created = ticks(s.created());
        this.createdSeconds = created.getEpochSecond();
        this.createdNanos = created.getNano();
        this.status = s.status().status();
        this.substatus = s.status().substatus();
        this.updated = position(ticks(s.updated()), seq);
    }

    private StoredReferral(long seq, JsonNode json) {
        this.seq = seq;
        this.index = -1;
        this.fresh = false;
        this.json = json;
        this.id = json.path("id").textValue();
        this.direction = null;
        this.cls = null;
        this.createdSeconds = 0;
        this.createdNanos = 0;
        this.updated = SortPosition.of(json, "updatedDateTime", seq);
    }

    static StoredReferral generated(long seq, int index, Summary s) {
        return new StoredReferral(seq, index, false, s);
    }

    static StoredReferral generatedAt(long seq, int index, Summary s) {
        return new StoredReferral(seq, index, true, s);
    }

    /** The stored JSON is never mutated: a change replaces the row. */
    static StoredReferral ofJson(long seq, JsonNode json) {
        return new StoredReferral(seq, json);
    }

    /** Null for an injected item without a textual id. */
    String id() {
        return id;
    }

    boolean isJson() {
        return json != null;
    }

    /** The key of the updatedDateTime-ascending index: (updatedDateTime, seq), missing or malformed first. */
    SortPosition updatedPosition() {
        return updated;
    }

    SortPosition position(String orderBy) {
        if (orderBy == null || json != null) {
            return orderBy == null ? new SortPosition(Long.MIN_VALUE, 0, seq) : SortPosition.of(json, orderBy, seq);
        }
        return "updatedDateTime".equals(orderBy) ? updated : new SortPosition(createdSeconds, createdNanos, seq);
    }

    /**
     * The served JSON. For a generated row a new tree each call (the caller may keep it); for a JSON row the shared,
     * never-mutated tree.
     */
    JsonNode render(ReferralGenerator generator) {
        if (json != null) {
            return json;
        }
        ObjectNode n = fresh ? generator.generateAt(index, createdAt()) : generator.generate(index);
        if (changed) {
            // put() on an existing key keeps its place, so the field order is what update() used to produce.
            n.put("status", status);
            n.put("substatus", substatus);
            if (accepted != null) {
                n.put("acceptedDateTime", Timestamps.format(accepted));
            }
            if (closed != null) {
                n.put("closedDateTime", Timestamps.format(closed));
            }
            n.put("updatedDateTime", Timestamps.format(updatedAt()));
            n.put("eTag", etag);
        }
        return n;
    }

    /** Filter input, answered from the row's own fields; only a field outside the filter subset renders the JSON. */
    ReferralFields fields(ReferralGenerator generator) {
        if (json != null) {
            return ReferralFields.of(json);
        }
        return new ReferralFields() {
            @Override
            public String text(String field) {
                return switch (field) {
                    case "id" -> id;
                    case "direction" -> direction;
                    case "status" -> status;
                    case "substatus" -> substatus;
                    case "type" -> present(cls.type());
                    case "qualification" -> present(cls.qualification());
                    case "engagementId" -> generator.engagementId(index);
                    case "updatedDateTime" -> Timestamps.format(updatedAt());
                    case "createdDateTime" -> Timestamps.format(createdAt());
                    default -> ReferralFields.of(render(generator)).text(field);
                };
            }

            @Override
            public Instant time(String field) {
                return switch (field) {
                    case "updatedDateTime" -> updatedAt();
                    case "createdDateTime" -> createdAt();
                    default -> ReferralFields.super.time(field);
                };
            }
        };
    }

    /** touch/changeStatus on a generated row; the caller takes the row out of the updated index first. */
    void change(StatusPair newStatus, Instant acceptedAt, Instant closedAt, Instant now, String newEtag) {
        changed = true;
        status = newStatus.status().intern();
        substatus = newStatus.substatus().intern();
        accepted = acceptedAt != null ? acceptedAt : accepted;
        closed = closedAt != null ? closedAt : closed;
        updated = position(ticks(now), seq);
        etag = newEtag;
    }

    StatusPair statusPair() {
        return new StatusPair(status, substatus);
    }

    private Instant createdAt() {
        return Instant.ofEpochSecond(createdSeconds, createdNanos);
    }

    private Instant updatedAt() {
        return Instant.ofEpochSecond(updated.seconds(), updated.nanos());
    }

    private static SortPosition position(Instant at, long seq) {
        return new SortPosition(at.getEpochSecond(), at.getNano(), seq);
    }

    /** What parsing the served text gives back: the API shows 100 ns ticks, so finer digits never sort or filter. */
    private static Instant ticks(Instant at) {
        return at.minusNanos(at.getNano() % 100);
    }

    private static String present(String value) {
        return ClassificationCase.ABSENT.equals(value) ? null : value;
    }
}
