package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadWrite;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one operation's answer to an {@link ItemResult}: 201 created, 200 updated (the body's {@code leadid}), 204
 * updated when {@code OData-EntityId} names the lead's GUID; a refusal becomes a {@link LeadWrite.Rejected} with a
 * short stable code. Answers that mean the destination cannot take leads at all (no application user, a missing
 * privilege, the key or a column missing) are thrown, since every other lead would meet the same.
 */
final class ItemOutcomes {

    private static final Pattern GUID_URL =
            Pattern.compile("\\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\)/?$");
    /**
     * Dataverse's refusal of an update to a qualified or disqualified lead (read-only until reactivated, dataverse.md
     * §4): its code and wording are UNCONFIRMED; this matches the simulator's and the usual "inactive record" wording.
     */
    private static final Pattern READ_ONLY = Pattern.compile(
            "(?i)(is (qualified|disqualified|inactive|closed|read-only))|(inactive record)|(cannot be updated until)");

    private final WebApiFailures failures;

    ItemOutcomes(WebApiFailures failures) {
        this.failures = failures;
    }

    ItemResult of(ReferralId referralId, WebApiResponse r, Instant now) {
        int status = r.status();
        if (r.isSuccess()) {
            Optional<String> leadId = Json.parse(r.body())
                    .map(body -> Json.text(body.path(LeadColumns.LEAD_ID)))
                    .or(() -> r.header("OData-EntityId").flatMap(ItemOutcomes::guidOf));
            if (leadId.isEmpty()) {
                return new ItemResult.NeedsLeadId();
            }
            // Without a representation (204), creating and updating look alike; "updated" claims only what is
            // certain: the lead holds the values.
            return new ItemResult.Done(
                    status == 201
                            ? new LeadWrite.Created(referralId, leadId.get())
                            : new LeadWrite.Updated(referralId, leadId.get()));
        }
        if (status == 403) {
            throw failures.forbidden(r, Operation.PUSH);
        }
        failures.setupRequired(r).ifPresent(e -> {
            throw e;
        });
        DataverseError e = r.error();
        if (status == 429 || status == 502 || status == 503 || status == 504 || e.is(DataverseError.DUPLICATE_KEY)) {
            return new ItemResult.Retry(r, status == 429, RetryAfter.parse(r.header("Retry-After"), now));
        }
        return new ItemResult.Done(
                new LeadWrite.Rejected(referralId, code(r), message(r), Optional.ofNullable(r.requestId())));
    }

    /** A short reason that does not change between Dataverse versions; the hex code when there is no better one. */
    static String code(WebApiResponse r) {
        DataverseError e = r.error();
        if (e.is(DataverseError.DUPLICATES_FOUND)) {
            return "duplicate_detected";
        }
        if (e.is(DataverseError.DUPLICATE_RECORD)) {
            return "duplicate_record";
        }
        if (e.is(DataverseError.BAD_STATUS)) {
            return "invalid_status";
        }
        if (e.message() != null && READ_ONLY.matcher(e.message()).find()) {
            return "lead_read_only";
        }
        if (e.is(DataverseError.VALIDATION)) {
            return "invalid_value";
        }
        if (r.status() == 404) {
            return "not_found";
        }
        if (r.status() == 412) {
            return "precondition_failed";
        }
        if (e.code() != null) {
            return e.code().toLowerCase(java.util.Locale.ROOT);
        }
        return r.status() == 400 ? "invalid_value" : "http_" + r.status();
    }

    private static String message(WebApiResponse r) {
        String message = r.error().message();
        return message != null ? message : "Dynamics 365 answered HTTP " + r.status() + " without a message.";
    }

    static Optional<String> guidOf(String entityUrl) {
        Matcher m = GUID_URL.matcher(entityUrl.strip());
        return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
