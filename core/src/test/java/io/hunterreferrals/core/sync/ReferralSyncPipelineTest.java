package io.hunterreferrals.core.sync;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryCompanyDirectory;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemoryReferralStore;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.core.testing.RecordingSyncListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: page n+1 is fetched while page n is stored, and none of the sync's rules changes. The overlap is forced
 * with latches (a store that waits in {@code writePage} until the source has been asked for the next page), so a
 * sequential sync fails these tests instead of passing them slowly.
 */
class ReferralSyncPipelineTest {

    private static final SyncRequest INCREMENTAL = SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL);
    private static final long TIMEOUT_SECONDS = 10;

    private final GatedSource source = new GatedSource(2);
    private final GatedStore store = new GatedStore();
    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final RecordingSyncListener recording = new RecordingSyncListener();
    private final ThreadRecordingListener threads = new ThreadRecordingListener();
    private final StopOnRequest stop = new StopOnRequest();
    private final ReferralSync sync = new ReferralSync(
            source,
            store,
            new InMemoryCompanyDirectory(),
            runLog,
            SyncSettings.DEFAULT,
            new ClassificationRulePcV1(),
            Clock.fixed(BASE_TIME.plusSeconds(3600), ZoneOffset.UTC),
            SyncListener.all(List.of(recording, threads, stop)));

    @AfterEach
    void everyFetchThreadHasEndedWhenTheRunReturns() {
        assertThat(source.fetchThreads()).isNotEmpty().noneMatch(Thread::isAlive);
        assertThat(source.fetchThreads()).doesNotContain(Thread.currentThread());
    }

    @Test
    void storesEveryPageInOrderInOneWriteEachAndNeverFetchesMoreThanOnePageAhead() {
        source.referrals(10); // 5 pages of 2

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(report.pagesFetched()).isEqualTo(5);
        assertThat(report.created()).isEqualTo(10);
        assertThat(report.watermarkAfter()).contains(at(10));
        assertThat(store.writes())
                .extracting(w ->
                        w.changed().stream().map(r -> r.referral().id().value()).toList())
                .containsExactly(
                        List.of("r-01", "r-02"),
                        List.of("r-03", "r-04"),
                        List.of("r-05", "r-06"),
                        List.of("r-07", "r-08"),
                        List.of("r-09", "r-10"));
        assertThat(store.writes())
                .extracting(PageWrite::watermark)
                .containsExactly(
                        Optional.of(at(2)),
                        Optional.of(at(4)),
                        Optional.of(at(6)),
                        Optional.of(at(8)),
                        Optional.of(at(10)));
        // Each page's progress comes after its write, with the watermark already at that page's latest update.
        assertThat(recording.progress()).extracting(SyncProgress::pagesFetched).containsExactly(1, 2, 3, 4, 5);
        assertThat(threads.watermarkAtEachPage()).containsExactly(at(2), at(4), at(6), at(8), at(10));
        assertThat(recording.events())
                .containsExactly("started", "page", "page", "page", "page", "page", "fetched", "finished");
        // Page m (the sixth call finds the end) is asked for only once page m-2 is stored: two pages in memory at most.
        assertThat(source.askedPages()).containsExactly(1, 2, 3, 4, 5, 6);
        for (int page = 1; page <= 6; page++) {
            assertThat(source.writesDoneWhenAsked(page))
                    .as("pages stored when page %d was asked for", page)
                    .isGreaterThanOrEqualTo(page - 2);
        }
    }

    @Test
    void fetchesTheNextPageWhileThePageInHandIsStored() {
        source.referrals(6);
        // A sequential sync asks for page 2 only after this write returned: it would time out here.
        store.beforeWrite(1, () -> await(source.asked(2), "the source to be asked for page 2 during write 1"));
        store.beforeWrite(2, () -> await(source.asked(3), "the source to be asked for page 3 during write 2"));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(report.created()).isEqualTo(6);
        assertThat(store.writes()).hasSize(3);
    }

    @Test
    void listenersHearEveryEventOnTheRunsThreadWhileFetchesRunOnTheirOwn() {
        source.referrals(6);
        store.beforeWrite(1, () -> await(source.asked(2), "page 2 to be asked for"));

        ran(sync.sync(INCREMENTAL));

        assertThat(threads.seen()).containsOnly(Thread.currentThread());
        assertThat(source.fetchThreads())
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.getName()).startsWith("sync-").contains("-fetch-"));
    }

    @Test
    void aFetchFailureWhileThePreviousPageIsStoredEndsTheRunAfterThatPageAsBefore() {
        ReferralSourceException throttled = new ReferralSourceException(
                SourceFailure.THROTTLED,
                "Partner Center kept throttling after 5 retries",
                429,
                "throttled",
                "req-42",
                null);
        source.referrals(6).failOnPage(3, throttled);
        // Page 3 fails while page 2 is being stored: the run still stores page 2 and reports page 3's failure.
        store.beforeWrite(2, () -> await(source.failed(3), "the fetch of page 3 to fail during write 2"));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error()).contains(SyncError.from(throttled));
        assertThat(report.created()).isEqualTo(4);
        assertThat(report.pagesFetched()).isEqualTo(2);
        assertThat(report.totalFetched()).isEqualTo(4);
        assertThat(report.watermarkAfter()).contains(at(4));
        assertThat(store.watermark()).contains(at(4));
        assertThat(store.writes()).hasSize(2);
        assertThat(recording.events()).containsExactly("started", "page", "page", "finished");
    }

    @Test
    void anUnexpectedFetchFailureReachesTheErrorMappingUnwrapped() {
        source.referrals(4);
        source.beforeFetch(2, () -> {
            throw new IllegalStateException("cursor broke");
        });

        SyncReport report = ran(sync.sync(INCREMENTAL));

        SyncError error = report.error().orElseThrow();
        assertThat(error.code()).isEqualTo(SyncErrorCode.INTERNAL_ERROR);
        assertThat(error.message()).contains("(IllegalStateException: cursor broke)");
        assertThat(report.created()).isEqualTo(2);
    }

    @Test
    void aStoreFailureNeverStoresThePageFetchedAheadAndFailsTheRunAsBefore() {
        source.referrals(8); // 4 pages
        store.failPageWrite(2);
        // Page 3 is fetched in full before the write of page 2 fails.
        store.beforeWrite(2, () -> await(source.returned(3), "page 3 to be fetched during write 2"));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(report.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.INTERNAL_ERROR);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.failedReasons()).containsExactly(Map.entry("not_stored", 2));
        assertThat(report.pagesFetched()).isEqualTo(2);
        assertThat(report.totalProcessed()).isEqualTo(report.totalFetched()).isEqualTo(4);
        assertThat(store.rows())
                .extracting(r -> r.record().referral().id().value())
                .containsExactly("r-01", "r-02");
        assertThat(store.watermark()).contains(at(2));
        assertThat(store.writeAttempts()).isEqualTo(2);
        assertThat(source.askedPages()).containsExactly(1, 2, 3);
        assertThat(recording.events()).containsExactly("started", "page", "finished");
    }

    @Test
    void aStoreFailureCancelsTheFetchUnderWayAndKeepsItsOwnError() {
        source.referrals(4);
        AtomicBoolean fetchInterrupted = new AtomicBoolean();
        source.beforeFetch(2, () -> blockUntilInterrupted(fetchInterrupted));
        store.failPageWrite(1, new StorageUnavailableException("connection refused", null));
        store.beforeWrite(1, () -> await(source.asked(2), "page 2 to be asked for during write 1"));

        SyncReport report = ran(sync.sync(INCREMENTAL));

        assertThat(fetchInterrupted).as("the fetch of page 2 was interrupted").isTrue();
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.DATABASE_UNAVAILABLE);
        assertThat(report.pagesFetched()).isEqualTo(1);
        assertThat(report.failedReasons()).containsExactly(Map.entry("not_stored", 2));
        assertThat(store.rows()).isEmpty();
    }

    @Test
    void aStopWhilePageOneIsStoredEndsTheRunAfterItAndNeverStoresThePageFetchedAhead() {
        source.referrals(6);
        store.beforeWrite(1, () -> {
            await(source.returned(2), "page 2 to be fetched during write 1");
            stop.request();
        });

        SyncReport report = ranKeepingTheInterrupt(sync);

        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.INTERRUPTED);
        assertThat(report.error().orElseThrow().message()).contains("after page 1");
        assertThat(report.pagesFetched()).isEqualTo(1);
        assertThat(report.totalFetched()).isEqualTo(2);
        assertThat(report.created()).isEqualTo(2);
        assertThat(store.rows())
                .extracting(r -> r.record().referral().id().value())
                .containsExactly("r-01", "r-02");
        assertThat(store.writeAttempts()).isEqualTo(1);
        assertThat(store.watermark()).contains(at(2));
        assertThat(source.askedPages()).containsExactly(1, 2);
        assertThat(recording.events()).containsExactly("started", "page", "finished");
    }

    @Test
    void aStopWhileTheNextPageIsStillBeingFetchedCancelsThatFetchAndEndsAsInterrupted() {
        source.referrals(6);
        AtomicBoolean fetchInterrupted = new AtomicBoolean();
        source.beforeFetch(2, () -> blockUntilInterrupted(fetchInterrupted));
        store.beforeWrite(1, () -> {
            await(source.asked(2), "page 2 to be asked for during write 1");
            stop.request();
        });

        SyncReport report = ranKeepingTheInterrupt(sync);

        assertThat(fetchInterrupted).as("the fetch of page 2 was interrupted").isTrue();
        assertThat(report.error().orElseThrow().code()).isEqualTo(SyncErrorCode.INTERRUPTED);
        assertThat(report.pagesFetched()).isEqualTo(1);
        assertThat(store.rows()).hasSize(2);
    }

    @Test
    void anInterruptWhileTheRunWaitsForAPageReachesTheFetchAsWhenTheRunFetchedItself() throws Exception {
        source.referrals(6);
        AtomicBoolean fetchInterrupted = new AtomicBoolean();
        source.beforeFetch(2, () -> blockUntilInterrupted(fetchInterrupted));
        AtomicReference<SyncReport> report = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread runner = Thread.ofPlatform().start(() -> {
            report.set(ran(sync.sync(INCREMENTAL)));
            interruptKept.set(Thread.interrupted());
        });
        // Interrupt the run while it waits for page 2 (page 1 is stored and reported), as a shutdown deadline does.
        await(threads.firstPageReported(), "page 1 to be reported");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!waitsForAFetch(runner)) {
            assertThat(System.nanoTime()).as("the run waits for page 2").isLessThan(deadline);
            Thread.onSpinWait();
        }
        runner.interrupt();
        assertThat(runner.join(java.time.Duration.ofSeconds(TIMEOUT_SECONDS))).isTrue();

        assertThat(fetchInterrupted).isTrue();
        SyncError error = report.get().error().orElseThrow();
        // What the Partner Center client reports for an interrupted call, as when the run's own thread made it.
        assertThat(error.code()).isEqualTo(SyncErrorCode.NETWORK_ERROR);
        assertThat(error.message()).isEqualTo("Interrupted while calling Partner Center.");
        assertThat(interruptKept).as("the interrupt is kept for the caller").isTrue();
        assertThat(report.get().pagesFetched()).isEqualTo(1);
        assertThat(store.rows()).hasSize(2);
    }

    @Test
    void aRunOnAForkJoinWorkerLeavesThatPoolFreeForItsFetches() throws Exception {
        // As the CLI's tests run a sync (CompletableFuture.supplyAsync) while MSAL's token calls run on the common
        // pool: a fetch that needs the run's own pool must not wait for the worker that waits for it.
        source.referrals(6); // 3 pages of 2
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            for (int page = 1; page <= 4; page++) {
                source.beforeFetch(
                        page, () -> CompletableFuture.runAsync(() -> {}, pool).get(10, TimeUnit.SECONDS));
            }

            SyncReport report = ran(pool.submit(() -> sync.sync(INCREMENTAL)).get(60, TimeUnit.SECONDS));

            assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(report.created()).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean waitsForAFetch(Thread runner) {
        return runner.getState() == Thread.State.WAITING
                && Arrays.stream(runner.getStackTrace())
                        .anyMatch(f -> f.getClassName().endsWith("PrefetchingPages$Fetch"));
    }

    /** Like the Partner Center client: an interrupted call throws a network failure and keeps the interrupt. */
    private static void blockUntilInterrupted(AtomicBoolean interrupted) {
        try {
            if (!new CountDownLatch(1).await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the fetch was never interrupted");
            }
        } catch (InterruptedException e) {
            interrupted.set(true);
            Thread.currentThread().interrupt();
            throw new ReferralSourceException(SourceFailure.NETWORK, "Interrupted while calling Partner Center.");
        }
    }

    private static SyncReport ranKeepingTheInterrupt(ReferralSync sync) {
        try {
            SyncReport report = ran(sync.sync(INCREMENTAL));
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the interrupt is kept for the caller")
                    .isTrue();
            return report;
        } finally {
            Thread.interrupted();
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private static Instant at(int minutes) {
        return BASE_TIME.plusSeconds(60L * minutes);
    }

    private static SyncReport ran(SyncOutcome outcome) {
        assertThat(outcome).isInstanceOf(SyncOutcome.Ran.class);
        return ((SyncOutcome.Ran) outcome).report();
    }

    @FunctionalInterface
    private interface Hook {
        void run() throws Exception;

        default void runUnchecked() {
            try {
                run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The graceful stop of the server ({@code StopSignal}): the run's thread is interrupted after a page. */
    private static final class StopOnRequest implements SyncListener {
        private volatile boolean requested;

        void request() {
            requested = true;
        }

        @Override
        public void pageProcessed(SyncRunId runId, SyncProgress progress) {
            if (requested) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Which threads the listeners hear from, and the stored watermark when each page is reported. */
    private final class ThreadRecordingListener implements SyncListener {
        private final List<Thread> seen = new CopyOnWriteArrayList<>();
        private final List<Instant> watermarks = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstPageReported = new CountDownLatch(1);

        @Override
        public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
            seen.add(Thread.currentThread());
        }

        @Override
        public void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
            seen.add(Thread.currentThread());
        }

        @Override
        public void pageProcessed(SyncRunId runId, SyncProgress progress) {
            seen.add(Thread.currentThread());
            store.watermark().ifPresent(watermarks::add);
            firstPageReported.countDown();
        }

        @Override
        public void fetchCompleted(SyncRunId runId, int totalFetched, int pagesFetched) {
            seen.add(Thread.currentThread());
        }

        @Override
        public void runFinished(SyncReport report) {
            seen.add(Thread.currentThread());
        }

        CountDownLatch firstPageReported() {
            return firstPageReported;
        }

        List<Thread> seen() {
            return List.copyOf(seen);
        }

        List<Instant> watermarkAtEachPage() {
            return List.copyOf(watermarks);
        }
    }

    /**
     * The in-memory source with a hook per page, run on the fetching thread before the page is read, and latches that
     * tell when a page was asked for, returned or failed. Page m is the m-th call of the cursor.
     */
    private final class GatedSource implements ReferralSource {
        private final InMemoryReferralSource delegate;
        private final Map<Integer, Hook> beforeFetch = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();
        private final List<Integer> asked = new CopyOnWriteArrayList<>();
        private final Map<Integer, Integer> writesDoneWhenAsked = new ConcurrentHashMap<>();
        private final List<Thread> fetchThreads = new CopyOnWriteArrayList<>();

        GatedSource(int pageSize) {
            this.delegate = new InMemoryReferralSource(pageSize);
        }

        /** Referrals r-01 .. r-n, r-i updated at minute i. */
        InMemoryReferralSource referrals(int n) {
            for (int i = 1; i <= n; i++) {
                delegate.put(aReferral("r-%02d".formatted(i)).updatedAt(at(i)).build());
            }
            return delegate;
        }

        void beforeFetch(int page, Hook hook) {
            beforeFetch.put(page, hook);
        }

        CountDownLatch asked(int page) {
            return latch("asked", page);
        }

        CountDownLatch returned(int page) {
            return latch("returned", page);
        }

        CountDownLatch failed(int page) {
            return latch("failed", page);
        }

        List<Integer> askedPages() {
            return List.copyOf(asked);
        }

        int writesDoneWhenAsked(int page) {
            return writesDoneWhenAsked.get(page);
        }

        List<Thread> fetchThreads() {
            return List.copyOf(fetchThreads);
        }

        private CountDownLatch latch(String event, int page) {
            return latches.computeIfAbsent(event + page, k -> new CountDownLatch(1));
        }

        @Override
        public PageCursor open(SourceQuery query) {
            PageCursor cursor = delegate.open(query);
            AtomicInteger calls = new AtomicInteger();
            return () -> {
                int page = calls.incrementAndGet();
                fetchThreads.add(Thread.currentThread());
                writesDoneWhenAsked.put(page, store.writesDone());
                asked.add(page);
                asked(page).countDown();
                try {
                    Hook hook = beforeFetch.get(page);
                    if (hook != null) {
                        hook.runUnchecked();
                    }
                    Optional<SourcePage> result = cursor.nextPage();
                    returned(page).countDown();
                    return result;
                } catch (RuntimeException e) {
                    failed(page).countDown();
                    throw e;
                }
            };
        }
    }

    /** The in-memory store with a hook before the n-th page write (on the run's thread), recording every write. */
    private static final class GatedStore implements ReferralStore {
        private final InMemoryReferralStore delegate = new InMemoryReferralStore();
        private final Map<Integer, Hook> beforeWrite = new ConcurrentHashMap<>();
        private final List<PageWrite> writes = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();

        void beforeWrite(int write, Hook hook) {
            beforeWrite.put(write, hook);
        }

        void failPageWrite(int n) {
            delegate.failPageWrite(n);
        }

        void failPageWrite(int n, RuntimeException failure) {
            delegate.failPageWrite(n, failure);
        }

        List<PageWrite> writes() {
            return List.copyOf(writes);
        }

        int writeAttempts() {
            return attempts.get();
        }

        int writesDone() {
            return done.get();
        }

        List<InMemoryReferralStore.Row> rows() {
            return delegate.rows();
        }

        @Override
        public Map<ReferralId, ContentHash> fingerprints(Collection<ReferralId> ids) {
            return delegate.fingerprints(ids);
        }

        @Override
        public Map<ReferralId, WriteOutcome> writePage(PageWrite write) {
            Hook hook = beforeWrite.get(attempts.incrementAndGet());
            if (hook != null) {
                hook.runUnchecked();
            }
            Map<ReferralId, WriteOutcome> outcomes = delegate.writePage(write);
            writes.add(write);
            done.incrementAndGet();
            return outcomes;
        }

        @Override
        public int forgetFailuresNotMetIn(SyncRunId completedFullRun) {
            return delegate.forgetFailuresNotMetIn(completedFullRun);
        }

        @Override
        public Optional<Instant> watermark() {
            return delegate.watermark();
        }

        @Override
        public boolean recordOperatorLink(ReferralId id, OperatorLink link) {
            return delegate.recordOperatorLink(id, link);
        }
    }
}
