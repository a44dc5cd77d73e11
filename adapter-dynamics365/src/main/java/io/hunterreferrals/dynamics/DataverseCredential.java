package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.redaction.Redaction;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the app registration proves who it is to Entra ID: a client secret, or a certificate with its private key in a
 * PKCS#12 file. Neither value ever reaches a log or a {@code toString()}.
 */
public sealed interface DataverseCredential {

    /** A client secret's Value (Azure Portal → App registrations → the app → Certificates & secrets). */
    record ClientSecret(String secret) implements DataverseCredential {

        public ClientSecret {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("the client secret must not be blank");
            }
        }

        @Override
        public String toString() {
            return "ClientSecret[" + Redaction.secret(secret) + "]";
        }
    }

    /**
     * A PKCS#12 file (.pfx/.p12) holding the certificate whose public part is uploaded to the app registration, and its
     * private key.
     *
     * @param password the file's password; empty when it has none
     */
    record ClientCertificate(Path pkcs12, String password) implements DataverseCredential {

        public ClientCertificate {
            Objects.requireNonNull(pkcs12, "pkcs12");
            pkcs12 = pkcs12.toAbsolutePath().normalize();
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "ClientCertificate[" + pkcs12 + ", password=" + (password.isEmpty() ? "none" : "****") + "]";
        }
    }
}
