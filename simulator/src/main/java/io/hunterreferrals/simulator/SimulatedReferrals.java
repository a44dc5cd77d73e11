package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.ReferralGenerator.StatusPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The referrals the simulated API serves, in insertion order, plus the levers tests use to change them. Every change
 * stamps {@code updatedDateTime} with the simulator's clock and a fresh {@code eTag}, so an incremental sync sees it.
 * Generated referrals are kept as compact rows and rendered to JSON only when served ({@link StoredReferral}); an index
 * sorted by updatedDateTime lets a page be cut without sorting ({@link ReferralPages}). Callers always get copies.
 * Thread-safe.
 */
public final class SimulatedReferrals {

    private final Clock clock;
    private final ReferralGenerator generator;
    private final ReferralIndex index = new ReferralIndex();
    private final ReferralPages pages;
    private final SplittableRandom etags;
    private int generated;
    private volatile ReferralChanges listener = ReferralChanges.NONE;

    SimulatedReferrals(Clock clock, ReferralGenerator generator, int initialCount, long seed) {
        this.clock = clock;
        this.generator = generator;
        this.pages = new ReferralPages(index, generator);
        this.etags = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < initialCount; i++) {
            int n = generated++;
            index.append(StoredReferral.generated(index.nextSeq(), n, generator.summarize(n)));
        }
    }

    /** Told of every change, under this object's lock (so in order); it must only queue work, never block. */
    void listener(ReferralChanges listener) {
        this.listener = listener;
    }

    public synchronized int size() {
        return index.size();
    }

    /** Ids in insertion order (injected items without a textual id are skipped). */
    public synchronized List<String> ids() {
        List<String> ids = new ArrayList<>(index.size());
        index.inOrder().forEach(row -> {
            if (row.id() != null) {
                ids.add(row.id());
            }
        });
        return ids;
    }

    public synchronized Optional<ObjectNode> get(String id) {
        StoredReferral row = index.byId(id);
        return row == null
                ? Optional.empty()
                : Optional.of((ObjectNode) row.render(generator).deepCopy());
    }

    /** Everything the list endpoint could return, as copies, in insertion order. */
    public synchronized List<JsonNode> all() {
        return index.inOrder().stream()
                .<JsonNode>map(row -> row.render(generator).deepCopy())
                .toList();
    }

    /** Adds the next generated referral, created and updated "now". Returns its id. */
    public synchronized String addNew() {
        int n = generated++;
        StoredReferral row = StoredReferral.generatedAt(index.nextSeq(), n, generator.summarizeAt(n, clock.instant()));
        if (index.byId(row.id()) != null) {
            throw new IllegalArgumentException("a referral with this id already exists");
        }
        index.append(row);
        changed(row.id(), true);
        return row.id();
    }

    /**
     * Like {@link #addNew()}, letting the caller adjust the JSON (e.g. force a status or an e-mail) first. The result
     * is kept as JSON, since the customizer may change anything.
     */
    public synchronized String addNew(Consumer<ObjectNode> customizer) {
        ObjectNode referral = generator.generateAt(generated++, clock.instant());
        customizer.accept(referral);
        String id = Objects.requireNonNull(referral.path("id").textValue(), "a referral needs a textual id");
        if (index.byId(id) != null) {
            throw new IllegalArgumentException("a referral with this id already exists");
        }
        index.append(StoredReferral.ofJson(index.nextSeq(), referral));
        changed(id, true);
        return id;
    }

    /** Inserts or replaces a referral verbatim (no timestamps touched). It must have a textual id. */
    public synchronized void put(ObjectNode referral) {
        String id = referral.path("id").textValue();
        if (id == null) {
            throw new IllegalArgumentException("put() needs a textual id; use injectRaw() for malformed items");
        }
        StoredReferral old = index.byId(id);
        if (old == null) {
            index.append(StoredReferral.ofJson(index.nextSeq(), referral.deepCopy()));
        } else {
            index.replace(old, StoredReferral.ofJson(old.seq, referral.deepCopy()));
        }
        changed(id, old == null);
    }

    /**
     * Adds any JSON value to the list as-is: a referral without an id, with a bad timestamp, even a bare string. It is
     * served by the list endpoint (filters on a missing or malformed field never match it) but cannot be fetched by id
     * unless it has a textual one.
     */
    public synchronized void injectRaw(String json) {
        JsonNode node = Json.parse(json);
        String id = node.path("id").textValue();
        boolean known = id != null && index.byId(id) != null;
        index.append(StoredReferral.ofJson(index.nextSeq(), node));
        if (id != null) {
            // An event names a referral by id; one without a textual id cannot be announced.
            changed(id, !known);
        }
    }

    /** Applies a change, then bumps updatedDateTime to now and issues a new eTag. The row is kept as JSON after. */
    public synchronized void update(String id, Consumer<ObjectNode> change) {
        StoredReferral old = existing(id);
        ObjectNode copy = (ObjectNode) old.render(generator).deepCopy();
        change.accept(copy);
        copy.put("updatedDateTime", Timestamps.format(clock.instant()));
        copy.put("eTag", generator.newEtag(etags));
        index.replace(old, StoredReferral.ofJson(old.seq, copy));
        changed(id, false);
    }

    /** What a PATCH did: {@code referral} is the referral as it is now when applied. */
    record Patched(PatchOutcome outcome, ObjectNode referral) {}

    enum PatchOutcome {
        NOT_FOUND,
        ETAG_MISMATCH,
        APPLIED
    }

    /**
     * A PATCH, under the lock: {@code ifMatch}, when sent, must be the current eTag; then the change is applied and,
     * when {@code changes}, stamped like {@link #update} (new eTag, updatedDateTime now).
     */
    synchronized Patched patch(String id, Optional<String> ifMatch, Consumer<ObjectNode> change, boolean changes) {
        StoredReferral row = index.byId(id);
        if (row == null) {
            return new Patched(PatchOutcome.NOT_FOUND, null);
        }
        String etag = row.render(generator).path("eTag").asText(null);
        if (ifMatch.isPresent() && !ifMatch.get().equals(etag)) {
            return new Patched(PatchOutcome.ETAG_MISMATCH, null);
        }
        if (changes) {
            update(id, change);
        }
        return new Patched(PatchOutcome.APPLIED, get(id).orElseThrow());
    }

    /** Moves a referral to another status/substatus, with the lifecycle timestamps that go with it. */
    public synchronized void changeStatus(String id, String status, String substatus) {
        StoredReferral row = existing(id);
        if (row.isJson()) {
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
            return;
        }
        // Same clock reads, in the same order, as the JSON path: one for the lifecycle stamps, one for updatedDateTime.
        Instant now = clock.instant();
        boolean acceptNow = "Active".equals(status)
                && row.render(generator).path("acceptedDateTime").isNull();
        Instant closed = "Closed".equals(status) ? now : null;
        Instant updated = clock.instant();
        String etag = generator.newEtag(etags);
        index.reposition(
                row,
                () -> row.change(new StatusPair(status, substatus), acceptNow ? now : null, closed, updated, etag));
        changed(id, false);
    }

    /** Bumps updatedDateTime (and eTag) without changing anything else. */
    public synchronized void touch(String id) {
        StoredReferral row = existing(id);
        if (row.isJson()) {
            update(id, r -> {});
            return;
        }
        Instant updated = clock.instant();
        String etag = generator.newEtag(etags);
        index.reposition(row, () -> row.change(row.statusPair(), null, null, updated, etag));
        changed(id, false);
    }

    /** Makes a referral vanish from the API, as when visibility is lost; the API never signals deletions. */
    public synchronized boolean remove(String id) {
        return index.remove(id);
    }

    /** One list page, cut and rendered under the lock so it is consistent with concurrent changes. */
    synchronized ReferralPages.Page page(SkipToken position) {
        return pages.page(position);
    }

    synchronized Optional<JsonNode> find(String id) {
        StoredReferral row = index.byId(id);
        return row == null ? Optional.empty() : Optional.of(row.render(generator));
    }

    Instant now() {
        return clock.instant();
    }

    /** The timestamp is rendered only if the listener asks: most changes have no registration to go to. */
    private void changed(String id, boolean created) {
        listener.changed(id, created, () -> {
            StoredReferral row = index.byId(id);
            return row == null
                    ? null
                    : row.render(generator).path("updatedDateTime").asText(null);
        });
    }

    private StoredReferral existing(String id) {
        StoredReferral row = index.byId(id);
        if (row == null) {
            throw new NoSuchElementException("no referral with this id");
        }
        return row;
    }
}
