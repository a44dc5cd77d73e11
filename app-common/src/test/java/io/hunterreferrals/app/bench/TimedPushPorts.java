package io.hunterreferrals.app.bench;

import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadLimits;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The push's two driven ports with a stopwatch around each call, for the benchmark's cheap profile: time spent in the
 * Dataverse adapter (HTTP, building and parsing the multipart bodies, the currency look-ups) and time spent in the
 * PostgreSQL push-state store (the due reads and the per-referral writes). The rest of a pass is core's own work
 * (mapping, hashing) and the run log. A {@code System.nanoTime()} pair per call: nothing measurable against a database
 * or HTTP round trip.
 */
final class TimedPushPorts {

    private long destinationNanos;
    private long dueNanos;
    private long writeNanos;
    private int dueCalls;
    private int writeCalls;

    /** Back to zero before each pass. */
    void reset() {
        destinationNanos = 0;
        dueNanos = 0;
        writeNanos = 0;
        dueCalls = 0;
        writeCalls = 0;
    }

    double destinationSeconds() {
        return destinationNanos / 1e9;
    }

    double dueSeconds() {
        return dueNanos / 1e9;
    }

    double writeSeconds() {
        return writeNanos / 1e9;
    }

    int dueCalls() {
        return dueCalls;
    }

    int writeCalls() {
        return writeCalls;
    }

    LeadDestination destination(LeadDestination delegate) {
        return new LeadDestination() {
            @Override
            public LeadLimits limits() {
                return delegate.limits();
            }

            @Override
            public int batchSize() {
                return delegate.batchSize();
            }

            @Override
            public List<LeadWrite> upsert(List<LeadDraft> drafts) {
                long t0 = System.nanoTime();
                try {
                    return delegate.upsert(drafts);
                } finally {
                    destinationNanos += System.nanoTime() - t0;
                }
            }
        };
    }

    PushStateStore store(PushStateStore delegate) {
        return new PushStateStore() {
            @Override
            public List<PushCandidate> due(
                    PushFilter filter, int mappingVersion, Optional<ReferralId> after, int limit) {
                dueCalls++;
                long t0 = System.nanoTime();
                try {
                    return delegate.due(filter, mappingVersion, after, limit);
                } finally {
                    dueNanos += System.nanoTime() - t0;
                }
            }

            @Override
            public Optional<PushCandidate> find(ReferralId id) {
                return delegate.find(id);
            }

            @Override
            public void recordPushed(
                    PushCandidate candidate, String leadId, ContentHash leadHash, int mappingVersion, Instant at) {
                write(() -> delegate.recordPushed(candidate, leadId, leadHash, mappingVersion, at));
            }

            @Override
            public void recordFailed(
                    PushCandidate candidate,
                    ContentHash leadHash,
                    int mappingVersion,
                    String code,
                    String message,
                    Instant at) {
                write(() -> delegate.recordFailed(candidate, leadHash, mappingVersion, code, message, at));
            }

            @Override
            public List<PushCandidate> writeBackDue(PushFilter filter, Optional<ReferralId> after, int limit) {
                return delegate.writeBackDue(filter, after, limit);
            }

            @Override
            public void recordWriteBack(PushCandidate candidate, WriteBackState outcome) {
                write(() -> delegate.recordWriteBack(candidate, outcome));
            }

            @Override
            public void recordChecked(List<PushCandidate> candidates, Instant at) {
                write(() -> delegate.recordChecked(candidates, at));
            }

            @Override
            public void forgetAll() {
                delegate.forgetAll();
            }
        };
    }

    private void write(Runnable call) {
        writeCalls++;
        long t0 = System.nanoTime();
        try {
            call.run();
        } finally {
            writeNanos += System.nanoTime() - t0;
        }
    }
}
