package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.query.LinkChange;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.QuarantinedReferral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.FailedReferral;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.WriteOutcome;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ReferralStore} in memory, with the same link and watermark rules as the real one; thread-safe. */
public final class InMemoryReferralStore implements ReferralStore, QuarantineQueries {

    /**
     * A stored referral with the columns a sync maintains; {@code lastLinkChange} follows PostgreSQL's
     * {@code linked_at} and {@code link_changed_by}.
     */
    public record Row(
            ReferralRecord record,
            LinkStatus linkStatus,
            Optional<CompanyId> linkedCompany,
            Instant firstSeenAt,
            Instant syncedAt,
            Instant changedAt,
            Optional<LinkChange> lastLinkChange) {}

    /** A quarantined referral: the failure as last met, with the run that met it and how often. */
    public record Quarantined(
            FailedReferral failure, SyncRunId lastRun, Instant firstSeenAt, Instant lastSeenAt, int timesSeen) {}

    private final Map<ReferralId, Row> rows = new LinkedHashMap<>();
    private final Map<String, Quarantined> quarantine = new LinkedHashMap<>();
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
            throw writeFailure != null
                    ? writeFailure
                    : new IllegalStateException("simulated store failure on page write " + pageWrites);
        }
        Map<ReferralId, WriteOutcome> outcomes = new LinkedHashMap<>();
        for (ReferralRecord record : write.changed()) {
            ReferralId id = record.referral().id();
            Row existing = rows.get(id);
            if (existing == null) {
                Optional<LinkChange> linked = record.autoLink().map(c -> syncLink(write));
                rows.put(
                        id,
                        new Row(
                                record,
                                record.proposedLinkStatus(),
                                record.autoLink(),
                                write.syncedAt(),
                                write.syncedAt(),
                                write.syncedAt(),
                                linked));
                outcomes.put(id, WriteOutcome.CREATED);
            } else if (existing.record().hash().equals(record.hash())) {
                rows.put(id, touched(existing, write.syncedAt()));
                outcomes.put(id, WriteOutcome.UNCHANGED);
            } else {
                // an operator's decision stays; a sync's link is changed (and dated) only when it differs
                boolean keepsLink = existing.linkStatus().isOperatorDecision()
                        || (existing.linkStatus() == record.proposedLinkStatus()
                                && existing.linkedCompany().equals(record.autoLink()));
                rows.put(
                        id,
                        keepsLink
                                ? new Row(
                                        record,
                                        existing.linkStatus(),
                                        existing.linkedCompany(),
                                        existing.firstSeenAt(),
                                        write.syncedAt(),
                                        write.syncedAt(),
                                        existing.lastLinkChange())
                                : new Row(
                                        record,
                                        record.proposedLinkStatus(),
                                        record.autoLink(),
                                        existing.firstSeenAt(),
                                        write.syncedAt(),
                                        write.syncedAt(),
                                        Optional.of(syncLink(write))));
                outcomes.put(id, WriteOutcome.UPDATED);
            }
        }
        for (ReferralId id : write.unchanged()) {
            Row existing = rows.get(id);
            if (existing != null) {
                rows.put(id, touched(existing, write.syncedAt()));
            }
        }
        for (FailedReferral failure : write.failed()) {
            Quarantined earlier = quarantine.remove(failure.key());
            quarantine.put(
                    failure.key(),
                    new Quarantined(
                            failure,
                            write.runId(),
                            earlier == null ? write.syncedAt() : earlier.firstSeenAt(),
                            write.syncedAt(),
                            earlier == null ? 1 : earlier.timesSeen() + 1));
        }
        write.changed()
                .forEach(
                        r -> quarantine.remove(FailedReferral.keyOf(r.referral().id())));
        write.unchanged().forEach(id -> quarantine.remove(FailedReferral.keyOf(id)));
        write.watermark().ifPresent(w -> {
            if (watermark == null || w.isAfter(watermark)) {
                watermark = w;
            }
        });
        return outcomes;
    }

    @Override
    public synchronized int forgetFailuresNotMetIn(SyncRunId completedFullRun) {
        int before = quarantine.size();
        quarantine.values().removeIf(q -> !q.lastRun().equals(completedFullRun));
        return before - quarantine.size();
    }

    /** The quarantine, the oldest entry first. */
    public synchronized List<Quarantined> quarantine() {
        return List.copyOf(quarantine.values());
    }

    @Override
    public synchronized Page<QuarantinedReferral> quarantined(PageRequest page) {
        List<QuarantinedReferral> all = quarantine.entrySet().stream()
                .map(e -> {
                    Quarantined q = e.getValue();
                    FailedReferral f = q.failure();
                    return new QuarantinedReferral(
                            e.getKey(),
                            f.referralId(),
                            f.reason(),
                            q.lastRun(),
                            f.page(),
                            f.position(),
                            f.updatedDateTime(),
                            f.payload(),
                            q.firstSeenAt(),
                            q.lastSeenAt(),
                            q.timesSeen());
                })
                .sorted(Comparator.comparing(QuarantinedReferral::lastSeenAt)
                        .reversed()
                        .thenComparing(QuarantinedReferral::key))
                .toList();
        return new Page<>(
                all.stream().skip(page.offset()).limit(page.pageSize()).toList(), all.size(), page);
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
        Optional<CompanyId> company =
                link instanceof OperatorLink.LinkTo to ? Optional.of(to.company()) : Optional.empty();
        rows.put(
                id,
                new Row(
                        row.record(),
                        link.status(),
                        company,
                        row.firstSeenAt(),
                        row.syncedAt(),
                        row.changedAt(),
                        Optional.of(new LinkChange(Instant.now(), "operator"))));
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
        return new Row(
                row.record(),
                row.linkStatus(),
                row.linkedCompany(),
                row.firstSeenAt(),
                syncedAt,
                row.changedAt(),
                row.lastLinkChange());
    }

    /** A link made by the sync writing the page, named as PostgreSQL names it for a run its log recorded. */
    private static LinkChange syncLink(PageWrite write) {
        return new LinkChange(write.syncedAt(), "sync:" + write.runId());
    }
}
