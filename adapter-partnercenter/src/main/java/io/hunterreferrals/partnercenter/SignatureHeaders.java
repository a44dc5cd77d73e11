package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.webhook.WebhookCall;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The three headers a signed Partner Center call carries (pc-webhooks.md §2): the signature, in {@code Authorization:
 * Signature <base64>} or, when the registration asked for it, in {@code x-ms-signature} (as {@code Signature <base64>},
 * which Microsoft's sample expects, or the bare base64); {@code X-MS-Signature-Algorithm: rsa-sha256}; and
 * {@code X-MS-Certificate-Url}. Messages name what is missing, never a value.
 */
final class SignatureHeaders {

    static final String AUTHORIZATION = "Authorization";
    static final String MS_SIGNATURE = "x-ms-signature";
    static final String ALGORITHM = "X-MS-Signature-Algorithm";
    static final String CERTIFICATE_URL = "X-MS-Certificate-Url";
    static final String RSA_SHA256 = "rsa-sha256";

    /** An RSA signature of a 16384-bit key is 2 KB; a longer header is not one. */
    private static final int MAX_SIGNATURE_CHARS = 4096;

    private SignatureHeaders() {}

    /** What the headers say, or why they say nothing usable. */
    sealed interface Read {
        /** @param signature still base64: decoded only once the URL is known to be allowed */
        record Signed(String signature, String certificateUrl) implements Read {}

        record Unsigned(String message) implements Read {}
    }

    static Read read(WebhookCall call) {
        Optional<String> signature = signature(call);
        if (signature.isEmpty()) {
            return new Read.Unsigned("The call carries no signature: neither 'Authorization: Signature ...' nor "
                    + MS_SIGNATURE + " is set");
        }
        Optional<String> algorithm = call.header(ALGORITHM).map(String::strip);
        if (algorithm.isEmpty() || algorithm.get().isEmpty()) {
            return new Read.Unsigned("The call carries no " + ALGORITHM + " header");
        }
        if (!algorithm.get().equalsIgnoreCase(RSA_SHA256)) {
            return new Read.Unsigned("The call's " + ALGORITHM + " is not " + RSA_SHA256 + ", the only one accepted");
        }
        Optional<String> url = call.header(CERTIFICATE_URL).map(String::strip).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return new Read.Unsigned("The call carries no " + CERTIFICATE_URL + " header");
        }
        return new Read.Signed(signature.get(), url.get());
    }

    /** The signature's bytes, or empty when it is not base64 of a plausible size. */
    static Optional<byte[]> decode(String signature) {
        if (signature.length() > MAX_SIGNATURE_CHARS) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException notStandard) {
            try {
                return Optional.of(Base64.getUrlDecoder().decode(signature));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }

    /** {@code x-ms-signature} wins when both are set: the registration moved the signature there on purpose. */
    private static Optional<String> signature(WebhookCall call) {
        Optional<String> ms = call.header(MS_SIGNATURE).map(String::strip).filter(v -> !v.isEmpty());
        if (ms.isPresent()) {
            return withoutScheme(ms.get()).or(() -> bare(ms.get()));
        }
        return call.header(AUTHORIZATION).map(String::strip).flatMap(SignatureHeaders::withoutScheme);
    }

    /** The token after a case-insensitive {@code Signature } scheme, when there is one. */
    private static Optional<String> withoutScheme(String value) {
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("signature")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(token);
    }

    private static Optional<String> bare(String value) {
        return value.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(value);
    }
}
