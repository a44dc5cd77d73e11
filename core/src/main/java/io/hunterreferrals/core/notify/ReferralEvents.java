package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule for which events a write causes. Stores call it inside the transaction of the write, so an event is
 * written if and only if its cause is (the transactional outbox, docs/adr/0014).
 */
public final class ReferralEvents {

    private ReferralEvents() {}

    /**
     * The events of a sync storing one referral.
     *
     * @param before its facts as stored before the write; empty when it is new
     * @param after its facts as written
     */
    public static List<Event> forSyncWrite(Optional<ReferralFacts> before, ReferralFacts after) {
        if (before.isEmpty()) {
            return List.of(Event.aboutReferral(EventType.REFERRAL_CREATED, after, List.of()));
        }
        List<FieldChange> changes = after.changesSince(before.get());
        if (changes.isEmpty()) {
            return List.of(); // what changed (notes, contacts, dates) is nothing to tell people about
        }
        List<FieldChange> status = changes.stream()
                .filter(c -> c.field().equals(ReferralFacts.STATUS) || c.field().equals(ReferralFacts.SUBSTATUS))
                .toList();
        Event updated = Event.aboutReferral(EventType.REFERRAL_UPDATED, after, changes);
        return status.isEmpty()
                ? List.of(updated)
                : List.of(updated, Event.aboutReferral(EventType.REFERRAL_STATUS_CHANGED, after, status));
    }

    /** The event of an operator linking or unlinking a referral. */
    public static Event forOperatorLink(ReferralFacts referral, OperatorLink link) {
        return Event.aboutReferral(
                link instanceof OperatorLink.LinkTo ? EventType.REFERRAL_LINKED : EventType.REFERRAL_UNLINKED,
                referral,
                List.of());
    }

    /** {@code sync.failed} for a run that failed (a sign-in to renew is one: {@code sign_in_required}). */
    public static Optional<Event> forFinishedSync(SyncReport report) {
        if (report.status() != SyncStatus.FAILED || report.error().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(forFailedSync(report.error().get()));
    }

    /** {@code sync.failed} for a run that ended with {@code error} (also one never dispatched, or abandoned). */
    public static Event forFailedSync(SyncError error) {
        return Event.failure(
                EventType.SYNC_FAILED, new EventProblem(error.code().code(), error.message(), error.requestId()));
    }

    /** {@code dynamics.push_failed} for a push run that failed, or that Dataverse refused referrals in. */
    public static Optional<Event> forFinishedPush(PushReport report) {
        if (report.dryRun()) {
            return Optional.empty();
        }
        if (report.error().isPresent()) {
            var error = report.error().get();
            return Optional.of(Event.failure(
                    EventType.DYNAMICS_PUSH_FAILED,
                    new EventProblem(error.code().code(), error.message(), error.requestId())));
        }
        int refused =
                report.failed().values().stream().mapToInt(Integer::intValue).sum();
        if (refused == 0) {
            return Optional.empty();
        }
        return Optional.of(Event.failure(
                EventType.DYNAMICS_PUSH_FAILED,
                new EventProblem(
                        "dynamics_referrals_refused",
                        refused + " referral(s) not sent to Dynamics 365: " + reasons(report.failed())
                                + ". `hunter dynamics push` or the referral's detail shows why.",
                        Optional.empty())));
    }

    private static String reasons(Map<String, Integer> failed) {
        return failed.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
