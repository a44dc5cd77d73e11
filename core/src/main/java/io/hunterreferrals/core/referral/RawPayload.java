package io.hunterreferrals.core.referral;

import java.util.Objects;

/**
 * The referral exactly as the API sent it (JSON text), kept opaque by the core so nothing is lost and classification
 * can be re-run later. Holds personal data: never log it.
 */
public record RawPayload(String json) {

    public static final RawPayload EMPTY_OBJECT = new RawPayload("{}");

    public RawPayload {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return "RawPayload[" + json.length() + " chars]";
    }
}
