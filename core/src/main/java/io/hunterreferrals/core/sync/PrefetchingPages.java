package io.hunterreferrals.core.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

/**
 * Reads a {@link ReferralSource.PageCursor} one page ahead, so that the sync stores page n while page n+1 is fetched. A
 * class of its own so that {@link ReferralSync} keeps deciding what a page means and this one only moves pages between
 * threads: all of the sync's concurrency is here, small enough to check.
 *
 * <p>Each fetch runs on a thread of its own, started only once the previous fetch has returned: the cursor follows the
 * previous page's continuation link, so it is called one call at a time, each call ordered after the previous one by
 * {@link Thread#start()} and {@link Thread#join()}. At most one page is ahead of the caller, so a run holds two pages
 * at most. Nothing else leaves the caller's thread: a page is handed over only by {@link #next()}, and no listener is
 * called from here.
 *
 * <p>A failed fetch is rethrown by {@link #next()} as the exception the cursor threw, not wrapped, so it maps to the
 * same error as when the sync fetched on its own thread. An interrupt of the caller while it waits for a page is passed
 * on to the fetch, which then ends as the source ends an interrupted call; the caller's interrupt status is kept.
 * {@link #close()} interrupts a fetch still under way, waits for its thread to end and drops its page: a page fetched
 * ahead is never handed out after a stop or a failure. Not thread-safe: one caller.
 */
final class PrefetchingPages implements AutoCloseable {

    private final ReferralSource.PageCursor cursor;
    private final ThreadFactory threads;
    private Fetch ahead;
    private boolean ended;

    PrefetchingPages(ReferralSource.PageCursor cursor, ThreadFactory threads) {
        this.cursor = Objects.requireNonNull(cursor, "cursor");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /**
     * The next page, or empty when there are no more. Before it returns a page it starts fetching the one after it,
     * unless the calling thread is interrupted: a run that stops after this page will not store the next one.
     */
    Optional<SourcePage> next() {
        if (ended) {
            return Optional.empty();
        }
        Fetch fetch = ahead != null ? ahead : new Fetch();
        ahead = null;
        Optional<SourcePage> page = fetch.result();
        if (page.isEmpty()) {
            ended = true;
        } else if (!Thread.currentThread().isInterrupted()) {
            ahead = new Fetch();
        }
        return page;
    }

    /**
     * Cancels the fetch ahead, if any: its thread is interrupted and has ended when this returns; its page is dropped.
     */
    @Override
    public void close() {
        ended = true;
        if (ahead != null) {
            Fetch dropped = ahead;
            ahead = null;
            dropped.thread.interrupt();
            dropped.join();
        }
    }

    /** One call of {@link ReferralSource.PageCursor#nextPage()} on a thread of its own. */
    private final class Fetch implements Runnable {

        private final Thread thread;
        // Written by the fetch's thread, read by the caller after join(), which orders the two.
        private Optional<SourcePage> page;
        private Throwable failure;

        Fetch() {
            thread = threads.newThread(this);
            thread.start();
        }

        @Override
        public void run() {
            try {
                page = cursor.nextPage();
            } catch (Throwable e) {
                failure = e;
            }
        }

        Optional<SourcePage> result() {
            join();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                // Only a checked exception thrown in disguise: nextPage() declares none.
                throw new IllegalStateException("The source failed with a checked exception", failure);
            }
            return page;
        }

        /**
         * Waits for the thread to end. An interrupt meanwhile is passed on to it and kept for the caller. The wait is a
         * managed block: a caller on a fork-join worker (a sync started from {@code CompletableFuture.supplyAsync},
         * say) lets the pool add a worker meanwhile, since the fetch may itself wait for work on that pool (MSAL's
         * token calls run on the common pool) and would otherwise never get a thread.
         */
        void join() {
            boolean interrupted = false;
            ForkJoinPool.ManagedBlocker blocker = new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() throws InterruptedException {
                    thread.join();
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return !thread.isAlive();
                }
            };
            while (true) {
                try {
                    ForkJoinPool.managedBlock(blocker);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    thread.interrupt();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
