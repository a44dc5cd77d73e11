package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The referrals the simulated API serves, in insertion order, plus the levers tests use to change them. Every change
 * stamps {@code updatedDateTime} with the simulator's clock and a fresh {@code eTag}, so an incremental sync sees it.
 * Stored JSON is never mutated in place (changes replace it), so readers can share it without copying; callers always
 * get copies. Thread-safe.
 */
public final class SimulatedReferrals {

    record Entry(long seq, JsonNode referral) {}

    private final Clock clock;
    private final ReferralGenerator generator;
    private final TreeMap<Long, JsonNode> bySeq = new TreeMap<>();
    private final Map<String, Long> seqById = new HashMap<>();
    private final SplittableRandom etags;
    private long nextSeq;
    private int generated;

    SimulatedReferrals(Clock clock, ReferralGenerator generator, int initialCount, long seed) {
        this.clock = clock;
        this.generator = generator;
        this.etags = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < initialCount; i++) {
            append(generator.generate(generated++));
        }
    }

    public synchronized int size() {
        return bySeq.size();
    }

    /** Ids in insertion order (injected items without a textual id are skipped). */
    public synchronized List<String> ids() {
        List<String> ids = new ArrayList<>();
        bySeq.values().forEach(n -> {
            if (n.path("id").isTextual()) {
                ids.add(n.get("id").asText());
            }
        });
        return ids;
    }

    public synchronized Optional<ObjectNode> get(String id) {
        Long seq = seqById.get(id);
        return seq == null
                ? Optional.empty()
                : Optional.of((ObjectNode) bySeq.get(seq).deepCopy());
    }

    /** Everything the list endpoint could return, as copies, in insertion order. */
    public synchronized List<JsonNode> all() {
        return bySeq.values().stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** Adds the next generated referral, created and updated "now". Returns its id. */
    public synchronized String addNew() {
        return addNew(r -> {});
    }

    /** Like {@link #addNew()}, letting the caller adjust the JSON (e.g. force a status or an e-mail) first. */
    public synchronized String addNew(Consumer<ObjectNode> customizer) {
        ObjectNode referral = generator.generateAt(generated++, clock.instant());
        customizer.accept(referral);
        String id = Objects.requireNonNull(referral.path("id").textValue(), "a referral needs a textual id");
        if (seqById.containsKey(id)) {
            throw new IllegalArgumentException("a referral with this id already exists");
        }
        append(referral);
        return id;
    }

    /** Inserts or replaces a referral verbatim (no timestamps touched). It must have a textual id. */
    public synchronized void put(ObjectNode referral) {
        String id = referral.path("id").textValue();
        if (id == null) {
            throw new IllegalArgumentException("put() needs a textual id; use injectRaw() for malformed items");
        }
        Long seq = seqById.get(id);
        if (seq == null) {
            append(referral.deepCopy());
        } else {
            bySeq.put(seq, referral.deepCopy());
        }
    }

    /**
     * Adds any JSON value to the list as-is: a referral without an id, with a bad timestamp, even a bare string. It is
     * served by the list endpoint (filters on a missing or malformed field never match it) but cannot be fetched by id
     * unless it has a textual one.
     */
    public synchronized void injectRaw(String json) {
        append(Json.parse(json));
    }

    /** Applies a change, then bumps updatedDateTime to now and issues a new eTag. */
    public synchronized void update(String id, Consumer<ObjectNode> change) {
        Long seq = seqById.get(id);
        if (seq == null) {
            throw new NoSuchElementException("no referral with this id");
        }
        ObjectNode copy = (ObjectNode) bySeq.get(seq).deepCopy();
        change.accept(copy);
        copy.put("updatedDateTime", Timestamps.format(clock.instant()));
        copy.put("eTag", generator.newEtag(etags));
        bySeq.put(seq, copy);
        String newId = copy.path("id").textValue();
        if (!id.equals(newId)) {
            seqById.remove(id);
            if (newId != null) {
                seqById.put(newId, seq);
            }
        }
    }

    /** Moves a referral to another status/substatus, with the lifecycle timestamps that go with it. */
    public synchronized void changeStatus(String id, String status, String substatus) {
        update(id, r -> {
            String now = Timestamps.format(clock.instant());
            r.put("status", status);
            r.put("substatus", substatus);
            if ("Active".equals(status) && r.path("acceptedDateTime").isNull()) {
                r.put("acceptedDateTime", now);
            }
            if ("Closed".equals(status)) {
                r.put("closedDateTime", now);
            }
        });
    }

    /** Bumps updatedDateTime (and eTag) without changing anything else. */
    public synchronized void touch(String id) {
        update(id, r -> {});
    }

    /** Makes a referral vanish from the API, as when visibility is lost; the API never signals deletions. */
    public synchronized boolean remove(String id) {
        Long seq = seqById.remove(id);
        return seq != null && bySeq.remove(seq) != null;
    }

    synchronized List<Entry> snapshot() {
        List<Entry> out = new ArrayList<>(bySeq.size());
        bySeq.forEach((seq, node) -> out.add(new Entry(seq, node)));
        return out;
    }

    synchronized Optional<JsonNode> find(String id) {
        Long seq = seqById.get(id);
        return seq == null ? Optional.empty() : Optional.of(bySeq.get(seq));
    }

    Instant now() {
        return clock.instant();
    }

    private void append(JsonNode node) {
        long seq = nextSeq++;
        bySeq.put(seq, node);
        String id = node.path("id").textValue();
        if (id != null && !seqById.containsKey(id)) {
            seqById.put(id, seq);
        }
    }
}
