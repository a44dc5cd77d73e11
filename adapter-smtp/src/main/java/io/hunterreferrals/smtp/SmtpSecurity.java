package io.hunterreferrals.smtp;

/** How the connection to the SMTP relay is protected. */
public enum SmtpSecurity {
    /** A plain connection upgraded with STARTTLS, which the relay must offer, or nothing is sent (port 587). */
    STARTTLS_REQUIRED,
    /**
     * STARTTLS when the relay offers it, else plain: only for a relay on a trusted network, since anyone in between can
     * strip the offer.
     */
    STARTTLS_OPTIONAL,
    /** TLS from the first byte, "implicit TLS" (port 465). */
    SMTPS,
    /** No TLS: a relay on this machine only, or the password and the messages cross the network in clear text. */
    NONE;

    /** Whether the connection is certainly encrypted before the password is sent. */
    boolean alwaysEncrypted() {
        return this == STARTTLS_REQUIRED || this == SMTPS;
    }
}
