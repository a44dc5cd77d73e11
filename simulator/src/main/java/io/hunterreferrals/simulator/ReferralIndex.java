package io.hunterreferrals.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The store's three views of its rows: by insertion sequence (a list, the sequence is the position; removed rows leave
 * a null), by id, and sorted by (updatedDateTime, seq), the order the product pages in, so a page starts with a binary
 * search instead of a sort. Not thread-safe: {@link SimulatedReferrals} holds the lock.
 */
final class ReferralIndex {

    private final List<StoredReferral> bySeq = new ArrayList<>();
    private final Map<String, StoredReferral> byId = new HashMap<>();
    private final TreeMap<SortPosition, StoredReferral> byUpdated = new TreeMap<>(SortPosition.order(false));
    private int size;
    private long version;

    long nextSeq() {
        return bySeq.size();
    }

    /** Appends; the first row with a given id is the one found by id, as before. */
    void append(StoredReferral row) {
        bySeq.add(row);
        size++;
        byUpdated.put(row.updatedPosition(), row);
        if (row.id() != null) {
            byId.putIfAbsent(row.id(), row);
        }
        version++;
    }

    /** Puts {@code row} where the row with the same seq was, re-keying the sorted view and the id map. */
    void replace(StoredReferral old, StoredReferral row) {
        bySeq.set((int) row.seq, row);
        byUpdated.remove(old.updatedPosition());
        byUpdated.put(row.updatedPosition(), row);
        if (old.id() != null && byId.get(old.id()) == old) {
            byId.remove(old.id());
        }
        if (row.id() != null) {
            byId.put(row.id(), row); // a changed id takes over the name, as the old store did
        }
        version++;
    }

    /** Runs a change that moves a row's updatedDateTime, keeping the sorted view keyed right. */
    void reposition(StoredReferral row, Runnable change) {
        byUpdated.remove(row.updatedPosition());
        change.run();
        byUpdated.put(row.updatedPosition(), row);
        version++;
    }

    boolean remove(String id) {
        StoredReferral row = byId.remove(id);
        if (row == null) {
            return false;
        }
        bySeq.set((int) row.seq, null);
        byUpdated.remove(row.updatedPosition());
        size--;
        version++;
        return true;
    }

    StoredReferral byId(String id) {
        return byId.get(id);
    }

    /** Rows in insertion order, removed ones skipped. */
    List<StoredReferral> inOrder() {
        List<StoredReferral> out = new ArrayList<>(size);
        for (StoredReferral row : bySeq) {
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    /** Row at a sequence number, null if removed or beyond the end. */
    StoredReferral atSeq(long seq) {
        return seq >= 0 && seq < bySeq.size() ? bySeq.get((int) seq) : null;
    }

    NavigableMap<SortPosition, StoredReferral> byUpdated() {
        return byUpdated;
    }

    int size() {
        return size;
    }

    /** Bumped by every change, so cached counts know when they are stale. */
    long version() {
        return version;
    }
}
