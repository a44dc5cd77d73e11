package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.classification.Classification;
import io.hunterreferrals.core.classification.ClassificationRule;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.filter.FilterDecision;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * The referral sync (docs/architecture.md traces one run). Pages are processed one at a time, in order, and each is
 * written in one transaction together with the watermark, so a run that dies resumes from its last stored page. While a
 * page is processed the next one is already being fetched ({@link PrefetchingPages}, one page ahead); a run that fails
 * or stops drops that page unstored. A referral that fails on its content goes to the quarantine in the same
 * transaction and does not hold the watermark back (reading it again would fail again; when Partner Center changes it,
 * its {@code updatedDateTime} moves past the watermark); only a page that is not stored does. A full run that read
 * every page ends the quarantine of the failures it did not meet again. An interrupted thread stops the run after the
 * page in hand, as failed with the code {@code interrupted}.
 */
public final class ReferralSync implements SyncReferrals {

    static final String PROCESSING_ERROR = "processing_error";
    static final String NOT_STORED = "not_stored";

    private final ReferralSource source;
    private final ReferralStore store;
    private final CompanyDirectory companies;
    private final SyncRunLog runLog;
    private final SyncSettings settings;
    private final ClassificationRule classificationRule;
    private final CompanyDomainExtractor domainExtractor = new CompanyDomainExtractor();
    private final Clock clock;
    private final SyncListener listener;

    public ReferralSync(
            ReferralSource source,
            ReferralStore store,
            CompanyDirectory companies,
            SyncRunLog runLog,
            SyncSettings settings,
            ClassificationRule classificationRule,
            Clock clock,
            SyncListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.companies = Objects.requireNonNull(companies, "companies");
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classificationRule = Objects.requireNonNull(classificationRule, "classificationRule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public SyncOutcome sync(SyncRequest request) {
        SyncRunId runId = request.queuedRun().orElseGet(SyncRunId::random);
        Optional<Instant> watermarkBefore = store.watermark();
        Instant startedAt = clock.instant();
        if (runLog.start(runId, request, startedAt, watermarkBefore) instanceof RunClaim.Busy busy) {
            listener.runRejected(runId, request, busy.activeRun());
            return new SyncOutcome.Busy(busy.activeRun());
        }
        SourceQuery query = SourceQuery.of(settings, request, watermarkBefore);
        listener.runStarted(runId, request, query);
        RunTally tally = new RunTally(watermarkBefore);
        Optional<SyncError> error = Optional.empty();
        try (ReferralSource.PageCursor cursor = source.open(query);
                PrefetchingPages pages = new PrefetchingPages(cursor, fetchThreads(runId))) {
            for (Optional<SourcePage> page = pages.next(); page.isPresent(); page = pages.next()) {
                processPage(runId, page.get(), request, tally);
                SyncProgress progress = tally.progress();
                runLog.progress(runId, progress, clock.instant());
                listener.pageProcessed(runId, progress);
                if (Thread.currentThread().isInterrupted()) {
                    // A shutdown lets the page in hand finish, then stops; the watermark covers what was stored.
                    // Closing `pages` cancels the fetch ahead, so the next page is never stored.
                    error = Optional.of(SyncError.of(
                            SyncErrorCode.INTERRUPTED,
                            "The sync was stopped (shutdown) after page " + tally.pagesFetched()
                                    + "; the next run resumes from the last stored page."));
                    break;
                }
            }
            if (error.isEmpty()) {
                listener.fetchCompleted(runId, tally.fetched(), tally.pagesFetched());
                if (request.mode() == SyncMode.FULL && !request.dryRun()) {
                    store.forgetFailuresNotMetIn(runId);
                }
            }
        } catch (ReferralSourceException e) {
            error = Optional.of(SyncError.from(e));
        } catch (StorageUnavailableException e) {
            error = Optional.of(SyncError.databaseUnavailable(e));
        } catch (RuntimeException e) {
            error = Optional.of(SyncError.unexpected(e));
        }
        SyncReport report = tally.report(runId, request, startedAt, clock.instant(), error);
        // Recording the outcome must not fail because of a pending interrupt (connection pools refuse to
        // hand out connections to interrupted threads); the interrupt is restored for the caller.
        boolean interrupted = Thread.interrupted();
        try {
            runLog.finish(report);
            listener.runFinished(report);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new SyncOutcome.Ran(report);
    }

    /**
     * Platform threads, not virtual ones: a fetch blocks on the network, possibly inside a library that pins a virtual
     * thread on Java 21, and a hung fetch should show in an ordinary thread dump under the run's id.
     */
    private static ThreadFactory fetchThreads(SyncRunId runId) {
        return Thread.ofPlatform().daemon().name("sync-" + runId + "-fetch-", 1).factory();
    }

    /** A referral that passed the rules, with what will be written for it. */
    private record Planned(
            Referral referral,
            Classification classification,
            DomainExtraction domain,
            ContentHash hash,
            boolean alreadyStored) {

        Optional<Domain> foundDomain() {
            return domain instanceof DomainExtraction.Found found ? Optional.of(found.domain()) : Optional.empty();
        }

        ReferralRecord toRecord(Map<Domain, CompanyResolution> companyIds) {
            return new ReferralRecord(
                    referral,
                    classification,
                    domain,
                    foundDomain().map(companyIds::get).map(CompanyResolution::id),
                    hash);
        }
    }

    private void processPage(SyncRunId runId, SourcePage page, SyncRequest request, RunTally tally) {
        tally.pageFetched(page);
        Quarantine quarantine = new Quarantine(page.number());
        Map<ReferralId, Referral> latest = latestPerId(runId, page, tally, quarantine);
        Map<ReferralId, ContentHash> stored = store.fingerprints(latest.keySet());
        List<Planned> changed = new ArrayList<>();
        List<ReferralId> unchanged = new ArrayList<>();
        for (Referral referral : latest.values()) {
            ContentHash storedHash = stored.get(referral.id());
            // A stored referral is always updated, so one that closed never stays "Active" here.
            if (storedHash == null && settings.filter().evaluate(referral) instanceof FilterDecision.Skip skip) {
                skip(runId, tally, referral.id(), SkipReason.of(skip.rule()));
                continue;
            }
            Optional<Planned> planned = plan(runId, tally, referral, storedHash != null, quarantine);
            if (planned.isEmpty()) {
                continue;
            }
            if (planned.get().hash().equals(storedHash)) {
                unchanged.add(referral.id());
            } else {
                changed.add(planned.get());
            }
        }
        // Content failures are quarantined with this page, so they do not hold the watermark back. A referrals run
        // read a few referrals a webhook named, not a time range: the watermark is the list reads' alone.
        Optional<Instant> watermark =
                request.mode() == SyncMode.REFERRALS ? Optional.empty() : latestUpdate(latest.values());
        if (request.dryRun()) {
            changed.forEach(
                    p -> stored(runId, tally, p, p.alreadyStored() ? WriteOutcome.UPDATED : WriteOutcome.CREATED));
            unchanged.forEach(id -> skip(runId, tally, id, SkipReason.UNCHANGED));
            return;
        }
        write(runId, tally, changed, unchanged, quarantine.failed(), watermark);
    }

    private void write(
            SyncRunId runId,
            RunTally tally,
            List<Planned> changed,
            List<ReferralId> unchanged,
            List<FailedReferral> failed,
            Optional<Instant> watermark) {
        Map<ReferralId, WriteOutcome> outcomes;
        try {
            Map<Domain, CompanyResolution> companyIds = companies.findOrCreate(companyCandidates(changed));
            List<ReferralRecord> records =
                    changed.stream().map(p -> p.toRecord(companyIds)).toList();
            outcomes = store.writePage(new PageWrite(
                    runId, records, unchanged, failed, clock.instant(), watermark, tally.announcesEvents()));
        } catch (RuntimeException e) {
            changed.forEach(
                    p -> fail(runId, tally, Optional.of(p.referral().id().value()), NOT_STORED));
            unchanged.forEach(id -> fail(runId, tally, Optional.of(id.value()), NOT_STORED));
            throw e;
        }
        for (Planned planned : changed) {
            WriteOutcome outcome = outcomes.get(planned.referral().id());
            if (outcome == null) {
                throw new IllegalStateException("The store reported no outcome for referral "
                        + planned.referral().id());
            }
            stored(runId, tally, planned, outcome);
        }
        unchanged.forEach(id -> skip(runId, tally, id, SkipReason.UNCHANGED));
        watermark.ifPresent(tally::watermarkAdvanced);
    }

    /** The page's readable referrals, the last copy of each id winning; unreadable ones are counted failed. */
    private Map<ReferralId, Referral> latestPerId(
            SyncRunId runId, SourcePage page, RunTally tally, Quarantine quarantine) {
        Map<ReferralId, Referral> latest = new LinkedHashMap<>();
        for (int i = 0; i < page.records().size(); i++) {
            switch (page.records().get(i)) {
                case SourceRecord.Unreadable unreadable -> {
                    fail(runId, tally, unreadable.referralId(), unreadable.reason());
                    quarantine.add(
                            i,
                            unreadable.referralId(),
                            unreadable.reason(),
                            unreadable.updatedDateTime(),
                            unreadable.payload());
                }
                case SourceRecord.Readable readable -> {
                    quarantine.position(readable.referral().id(), i);
                    Referral earlier = latest.remove(readable.referral().id());
                    if (earlier != null) {
                        skip(runId, tally, earlier.id(), SkipReason.DUPLICATE);
                    }
                    latest.put(readable.referral().id(), readable.referral());
                }
            }
        }
        return latest;
    }

    private Optional<Planned> plan(
            SyncRunId runId, RunTally tally, Referral referral, boolean alreadyStored, Quarantine quarantine) {
        try {
            Classification classification = classificationRule.classify(referral);
            DomainExtraction domain = domainExtractor.extract(referral);
            ContentHash hash = ContentHash.of(referral, classification, domain);
            return Optional.of(new Planned(referral, classification, domain, hash, alreadyStored));
        } catch (RuntimeException e) {
            // One bad referral never stops the run.
            fail(runId, tally, Optional.of(referral.id().value()), PROCESSING_ERROR);
            quarantine.add(referral, PROCESSING_ERROR);
            return Optional.empty();
        }
    }

    private static List<CompanyCandidate> companyCandidates(List<Planned> changed) {
        Map<Domain, CompanyCandidate> candidates = new LinkedHashMap<>();
        for (Planned planned : changed) {
            planned.foundDomain()
                    .ifPresent(domain -> candidates.putIfAbsent(
                            domain,
                            new CompanyCandidate(
                                    domain, planned.referral().customer().name(), CompanySource.PARTNER_CENTER)));
        }
        return List.copyOf(candidates.values());
    }

    private static Optional<Instant> latestUpdate(Iterable<Referral> referrals) {
        List<Instant> updates = new ArrayList<>();
        referrals.forEach(r -> {
            if (r.updatedAt() != null) {
                updates.add(r.updatedAt());
            }
        });
        return updates.stream().max(Comparator.naturalOrder());
    }

    private void stored(SyncRunId runId, RunTally tally, Planned planned, WriteOutcome outcome) {
        tally.stored(outcome);
        ReferralOutcome event = outcome == WriteOutcome.UNCHANGED
                ? new ReferralOutcome.Skipped(planned.referral().id(), SkipReason.UNCHANGED)
                : new ReferralOutcome.Stored(
                        planned.referral().id(),
                        outcome,
                        planned.classification().category(),
                        planned.foundDomain(),
                        planned.foundDomain().isPresent() ? LinkStatus.AUTO_LINKED : LinkStatus.UNLINKED);
        listener.referralProcessed(runId, event);
    }

    private void skip(SyncRunId runId, RunTally tally, ReferralId id, SkipReason reason) {
        tally.skipped(reason);
        listener.referralProcessed(runId, new ReferralOutcome.Skipped(id, reason));
    }

    private void fail(SyncRunId runId, RunTally tally, Optional<String> referralId, String reason) {
        tally.failed(reason);
        listener.referralProcessed(runId, new ReferralOutcome.Failed(referralId, reason));
    }
}
