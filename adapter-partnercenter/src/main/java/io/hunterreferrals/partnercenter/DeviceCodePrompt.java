package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.redaction.Redaction;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the operator needs to finish a device-code sign-in: open {@code verificationUri} and enter {@code userCode}
 * before {@code expiresAt}. The user code is shown, never logged ({@code toString()} hides it); the secret device code
 * itself never leaves MSAL.
 *
 * @param message the identity provider's ready-made instruction text
 */
public record DeviceCodePrompt(URI verificationUri, String userCode, Instant expiresAt, String message) {

    public DeviceCodePrompt {
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(expiresAt, "expiresAt");
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return "DeviceCodePrompt[verificationUri=" + verificationUri + ", userCode=" + Redaction.secret(userCode)
                + ", expiresAt=" + expiresAt + "]";
    }
}
