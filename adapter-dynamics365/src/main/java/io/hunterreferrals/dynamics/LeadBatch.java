package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch of upserts and maps every answer back to its lead: by Content-ID when the response echoes them, by
 * position otherwise (responses come back in request order, dataverse.md §5; that Dataverse echoes a Content-ID outside
 * a change set is UNCONFIRMED, the simulator does). Operations answered 429 or with a transient error go again in a
 * smaller follow-up batch, within their own retry budget; a whole-batch 429/5xx is retried as a whole by
 * {@link WebApi}.
 */
final class LeadBatch {

    private static final Logger LOG = LoggerFactory.getLogger(LeadBatch.class);

    /** One lead ready to send. */
    record Upsert(ReferralId referralId, BatchRequest.Item item) {}

    private final WebApi api;
    private final ItemOutcomes outcomes;
    private final DataverseConfig config;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    LeadBatch(
            WebApi api,
            ItemOutcomes outcomes,
            DataverseConfig config,
            Sleeper sleeper,
            RandomGenerator random,
            Clock clock) {
        this.api = api;
        this.outcomes = outcomes;
        this.config = config;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    List<LeadWrite> send(List<Upsert> upserts) {
        LeadWrite[] done = new LeadWrite[upserts.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < upserts.size(); i++) {
            pending.add(i);
        }
        RetryBudget budget = new RetryBudget(config.retry(), random);
        while (!pending.isEmpty()) {
            List<Integer> again = new ArrayList<>();
            ItemResult.Retry last = null;
            Optional<Duration> retryAfter = Optional.empty();
            Map<Integer, WebApiResponse> answers = answers(upserts, pending);
            for (int i : pending) {
                ReferralId id = upserts.get(i).referralId();
                switch (outcomes.of(id, answers.get(i), clock.instant())) {
                    case ItemResult.Done d -> done[i] = d.write();
                    case ItemResult.NeedsLeadId n -> done[i] = readLeadId(upserts.get(i));
                    case ItemResult.Retry r -> {
                        again.add(i);
                        last = r;
                        retryAfter = longer(retryAfter, r.retryAfter());
                    }
                }
            }
            if (again.isEmpty()) {
                break;
            }
            Optional<Duration> wait = budget.nextWait(retryAfter);
            if (wait.isEmpty()) {
                throw gaveUp(last, again.size(), budget);
            }
            LOG.atWarn()
                    .addKeyValue("purpose", "lead batch items")
                    .addKeyValue("reason", last.throttled() ? "throttled" : "server_error")
                    .addKeyValue("http_status", last.response().status())
                    .addKeyValue("error_code", last.response().error().code())
                    .addKeyValue("request_id", last.response().requestId())
                    .addKeyValue("leads", again.size())
                    .addKeyValue("attempt", budget.attempts())
                    .addKeyValue("wait_ms", wait.get().toMillis())
                    .addKeyValue(
                            "retry_after", retryAfter.map(Duration::toSeconds).orElse(null))
                    .log(last.throttled() ? "dynamics_rate_limit" : "dynamics_request_retried");
            sleep(wait.get());
            pending = again;
        }
        return Arrays.asList(done);
    }

    /** The answer to each pending upsert, keyed by its index in {@code upserts}. */
    private Map<Integer, WebApiResponse> answers(List<Upsert> upserts, List<Integer> pending) {
        List<BatchRequest.Item> items =
                pending.stream().map(i -> upserts.get(i).item()).toList();
        WebApiResponse response =
                api.call(BatchRequest.of(items, config.serviceRoot().getRawPath()));
        Optional<String> boundary =
                MultipartResponse.boundary(response.header("Content-Type").orElse(null));
        List<MultipartResponse.Part> parts;
        try {
            parts = boundary.isPresent() ? MultipartResponse.parse(response.body(), boundary.get()) : List.of();
        } catch (IllegalArgumentException e) {
            throw api.failures()
                    .malformed(response, "a batch response that is not valid multipart (" + e.getMessage() + ")");
        }
        if (!response.isSuccess()) {
            // Without continue-on-error honoured, the batch answers with its first failure alone (§5).
            WebApiResponse first = parts.isEmpty() ? response : parts.getFirst().response();
            if (first.status() == 403) {
                throw api.failures().forbidden(first, Operation.PUSH);
            }
            throw api.failures().unexpected(first, "lead batch");
        }
        if (boundary.isEmpty()) {
            throw api.failures().malformed(response, "a batch response that is not multipart/mixed");
        }
        Map<String, Integer> byContentId = new HashMap<>();
        pending.forEach(i -> byContentId.put(upserts.get(i).item().contentId(), i));
        Map<Integer, WebApiResponse> answers = new HashMap<>();
        boolean echoed = parts.stream()
                .allMatch(p -> p.contentId().map(byContentId::containsKey).orElse(false));
        for (int n = 0; n < parts.size(); n++) {
            MultipartResponse.Part p = parts.get(n);
            Integer index = echoed ? byContentId.get(p.contentId().get()) : n < pending.size() ? pending.get(n) : null;
            if (index != null) {
                answers.put(index, p.response());
            }
        }
        if (answers.size() != pending.size() || parts.size() != pending.size()) {
            throw api.failures()
                    .malformed(response, parts.size() + " answers to a batch of " + pending.size() + " leads");
        }
        return answers;
    }

    /** Reads the lead id by key when the upsert's answer did not name it. */
    private LeadWrite readLeadId(Upsert u) {
        WebApiResponse r = api.call(WebApiRequest.get(
                u.item().leadPath() + "?$select=" + LeadColumns.LEAD_ID, Operation.PUSH, "lead id look-up"));
        String leadId = r.isSuccess()
                ? Json.parse(r.body())
                        .map(b -> Json.text(b.path(LeadColumns.LEAD_ID)))
                        .orElse(null)
                : null;
        if (leadId == null) {
            throw r.isSuccess()
                    ? api.failures().malformed(r, "a lead without its leadid")
                    : api.failures().unexpected(r, "lead id look-up");
        }
        return new LeadWrite.Updated(u.referralId(), leadId);
    }

    private LeadDestinationException gaveUp(ItemResult.Retry last, int leads, RetryBudget budget) {
        return WebApiFailures.failure(
                last.throttled() ? PushErrorCode.THROTTLED : PushErrorCode.UNAVAILABLE,
                "Dynamics 365 kept " + (last.throttled() ? "throttling " : "failing ") + leads + " lead(s) of a batch"
                        + " after " + budget.attempts() + " attempt(s) and "
                        + budget.waited().toSeconds()
                        + " s of waiting. The push stopped; the next run sends what is left.",
                last.response());
    }

    /** The longest Retry-After of the throttled operations is the one that frees them all. */
    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadDestinationException(
                    PushErrorCode.INTERRUPTED, "Interrupted while waiting to retry Dynamics 365.", null, null, null, e);
        }
    }
}
