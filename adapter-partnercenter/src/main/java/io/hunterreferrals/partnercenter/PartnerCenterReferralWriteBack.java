package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.hunterreferrals.core.push.ReferralWriteBack;
import io.hunterreferrals.core.push.WriteBackResult;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralSourceException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Core's {@link ReferralWriteBack} on the Referrals API: {@code PATCH {apiUrl}/{apiVersion}/engagements/referrals/{id}}
 * with the JSON Patch {@code [{"op":"replace","path":"/externalReferenceId","value":"<lead id>"}]}, the stored eTag in
 * {@code If-Match}, and the operator's delegated token (the sync's sign-in and scope). Calls go through the sync's
 * {@link ApiCaller}, so throttling, 5xx, timeouts and a rejected token are retried by the same rules and budget.
 *
 * <p>UNCONFIRMED (dataverse.md §8): whether Partner Center accepts {@code /externalReferenceId} in a PATCH; the docs
 * show only {@code /details/*}, {@code /status}, {@code /substatus} and {@code /team/-}. The request follows the
 * documented shape ({@code Content-Type: application/json}, as Microsoft's examples send it, not
 * {@code application/json-patch+json}); it asks for the updated referral ({@code Prefer: return=representation}) so
 * that a 200 which did not apply the value is told apart from one that did. Thread-safe.
 */
public final class PartnerCenterReferralWriteBack implements ReferralWriteBack {

    static final String PATH = "/externalReferenceId";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AFTER_GIVE_UP = "The lead id was not written back; the next push tries again.";

    private final ReferralsApiConfig config;
    private final ApiCaller caller;

    private PartnerCenterReferralWriteBack(Builder b) {
        this.config = b.config;
        this.caller = new ApiCaller(
                b.http(config.connectTimeout()),
                config,
                b.tokens,
                b.retryPolicy(config.retry()),
                b.sleeper,
                b.listener,
                b.clock);
    }

    public static Builder builder(ReferralsApiConfig config, AccessTokenSource tokens) {
        return new Builder(config, tokens);
    }

    @Override
    public WriteBackResult writeLeadId(ReferralId referral, Optional<String> eTag, String leadId) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(leadId, "leadId");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Prefer", "return=representation");
        // sent unchanged, quotes and all, as the referral carried it (partner-center-api.md §5)
        eTag.filter(e -> !e.isBlank()).ifPresent(e -> headers.put("If-Match", e));
        ApiResponse response;
        try {
            response = caller.call(new ApiCall(
                    "PATCH",
                    config.referralUri(referral),
                    Optional.of(patch(leadId)),
                    headers,
                    0,
                    true,
                    false,
                    AFTER_GIVE_UP));
        } catch (ReferralSourceException e) {
            // no usable sign-in, or throttled, down or unreachable past the retry budget: nothing this referral did
            return new WriteBackResult.Unavailable(e.failure().code().code(), e.getMessage(), e.requestId());
        }
        Optional<String> requestId = Optional.ofNullable(response.requestId());
        if (response.status() >= 200 && response.status() < 300) {
            return notApplied(response, leadId)
                    .<WriteBackResult>map(held -> new WriteBackResult.Refused(
                            "not_applied",
                            "Partner Center answered " + response.status() + " but the referral's externalReferenceId"
                                    + " " + held + ": it may ignore this field (UNCONFIRMED). The lead is in Dynamics"
                                    + " 365 all the same.",
                            requestId,
                            false))
                    .orElseGet(() -> new WriteBackResult.Written(requestId));
        }
        return WriteBackRefusals.refused(response.status(), ErrorBody.parse(response.body()), requestId);
    }

    /** The JSON Patch document, built as data: a lead id can never change which field is written. */
    static String patch(String leadId) {
        ArrayNode patch = JSON.createArrayNode();
        patch.addObject().put("op", "replace").put("path", PATH).put("value", leadId);
        return patch.toString();
    }

    /**
     * How the referral Partner Center answered with (200) differs from the write, if it does ("is still empty"; the
     * value itself is not repeated); empty when it holds the lead id, and for a 204, which cannot be checked.
     */
    private static Optional<String> notApplied(ApiResponse response, String leadId) {
        if (response.body() == null || response.body().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode referral = JSON.readTree(response.body());
            if (referral == null || !referral.isObject() || !referral.has("externalReferenceId")) {
                return Optional.empty();
            }
            JsonNode held = referral.get("externalReferenceId");
            if (leadId.equals(held.asText(null))) {
                return Optional.empty();
            }
            return Optional.of(held.isNull() || held.asText().isBlank() ? "is still empty" : "holds another value");
        } catch (IOException e) {
            return Optional.empty(); // a 2xx whose body is not the referral says nothing against the write
        }
    }

    /** Optional collaborators; the defaults are the production ones. */
    public static final class Builder extends ApiClientBuilder<ReferralsApiConfig, Builder> {

        private Builder(ReferralsApiConfig config, AccessTokenSource tokens) {
            super(config, tokens);
        }

        @Override
        Builder self() {
            return this;
        }

        public PartnerCenterReferralWriteBack build() {
            return new PartnerCenterReferralWriteBack(this);
        }
    }
}
