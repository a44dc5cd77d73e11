package io.hunterreferrals.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.QuarantinedReferral;
import java.time.Instant;
import java.util.List;

/** A page of the sync quarantine, the most recently met first; payloads only when asked for (personal data). */
record QuarantinePageJson(List<Entry> failures, long total, boolean totalExact, int page, int pageSize) {

    static QuarantinePageJson of(Page<QuarantinedReferral> page, boolean includePayload) {
        return new QuarantinePageJson(
                page.items().stream().map(q -> Entry.of(q, includePayload)).toList(),
                page.total(),
                page.totalExact(),
                page.request().page(),
                page.request().pageSize());
    }

    record Entry(
            String key,
            String referralId,
            String reason,
            String lastTaskId,
            int page,
            int position,
            String updatedDateTime,
            Instant firstSeenAt,
            Instant lastSeenAt,
            int timesSeen,
            @JsonInclude(JsonInclude.Include.NON_NULL) String payload) {

        static Entry of(QuarantinedReferral q, boolean includePayload) {
            return new Entry(
                    q.key(),
                    q.referralId().orElse(null),
                    q.reason(),
                    q.lastRun().toString(),
                    q.page(),
                    q.position(),
                    q.updatedDateTime().orElse(null),
                    q.firstSeenAt(),
                    q.lastSeenAt(),
                    q.timesSeen(),
                    includePayload ? q.payload().json() : null);
        }
    }
}
