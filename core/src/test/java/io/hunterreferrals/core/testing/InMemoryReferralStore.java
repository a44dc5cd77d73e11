package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.WriteOutcome;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ReferralStore} in memory, with the same link and watermark rules as the real one; thread-safe. */
public final class InMemoryReferralStore implements ReferralStore {

    /** A stored referral with the columns a sync maintains. */
    public record Row(ReferralRecord record, LinkStatus linkStatus, Optional<CompanyId> linkedCompany,
            Instant firstSeenAt, Instant syncedAt, Instant changedAt) {
    }

    private final Map<ReferralId, Row> rows = new LinkedHashMap<>();
    private Instant watermark;
    private int pageWrites;
    private int failingWrite = -1;
    private RuntimeException writeFailure;

    @Override
    public synchronized Map<ReferralId, ContentHash> fingerprints(Collection<ReferralId> ids) {
        Map<ReferralId, ContentHash> found = new HashMap<>();
        for (ReferralId id : ids) {
            Row row = rows.get(id);
            if (row != null) {
                found.put(id, row.record().hash());
            }
        }
        return found;
    }

    @Override
    public synchronized Map<ReferralId, WriteOutcome> writePage(PageWrite write) {
        pageWrites++;
        if (pageWrites == failingWrite) {
            throw writeFailure != null ? writeFailure
                    : new IllegalStateException("simulated store failure on page write " + pageWrites);
        }
        Map<ReferralId, WriteOutcome> outcomes = new LinkedHashMap<>();
        for (ReferralRecord record : write.changed()) {
            ReferralId id = record.referral().id();
            Row existing = rows.get(id);
            if (existing == null) {
                rows.put(id, new Row(record, record.proposedLinkStatus(), record.autoLink(),
                        write.syncedAt(), write.syncedAt(), write.syncedAt()));
                outcomes.put(id, WriteOutcome.CREATED);
            } else if (existing.record().hash().equals(record.hash())) {
                rows.put(id, touched(existing, write.syncedAt()));
                outcomes.put(id, WriteOutcome.UNCHANGED);
            } else {
                boolean operatorOwned = existing.linkStatus().isOperatorDecision();
                rows.put(id, new Row(record,
                        operatorOwned ? existing.linkStatus() : record.proposedLinkStatus(),
                        operatorOwned ? existing.linkedCompany() : record.autoLink(),
                        existing.firstSeenAt(), write.syncedAt(), write.syncedAt()));
                outcomes.put(id, WriteOutcome.UPDATED);
            }
        }
        for (ReferralId id : write.unchanged()) {
            Row existing = rows.get(id);
            if (existing != null) {
                rows.put(id, touched(existing, write.syncedAt()));
            }
        }
        write.watermark().ifPresent(w -> {
            if (watermark == null || w.isAfter(watermark)) {
                watermark = w;
            }
        });
        return outcomes;
    }

    @Override
    public synchronized Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    @Override
    public synchronized boolean recordOperatorLink(ReferralId id, OperatorLink link) {
        Row row = rows.get(id);
        if (row == null) {
            return false;
        }
        Optional<CompanyId> company = link instanceof OperatorLink.LinkTo to ? Optional.of(to.company()) : Optional.empty();
        rows.put(id, new Row(row.record(), link.status(), company, row.firstSeenAt(), row.syncedAt(), row.changedAt()));
        return true;
    }

    public synchronized Optional<Row> row(ReferralId id) {
        return Optional.ofNullable(rows.get(id));
    }

    public synchronized Optional<Row> row(String id) {
        return row(ReferralId.of(id));
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** The {@code n}th page write from now on (1 = the next) fails without changing anything. */
    public synchronized void failPageWrite(int n) {
        failingWrite = pageWrites + n;
        writeFailure = null;
    }

    /** Like {@link #failPageWrite(int)}, throwing {@code failure}. */
    public synchronized void failPageWrite(int n, RuntimeException failure) {
        failingWrite = pageWrites + n;
        writeFailure = failure;
    }

    private static Row touched(Row row, Instant syncedAt) {
        return new Row(row.record(), row.linkStatus(), row.linkedCompany(), row.firstSeenAt(), syncedAt, row.changedAt());
    }
}
