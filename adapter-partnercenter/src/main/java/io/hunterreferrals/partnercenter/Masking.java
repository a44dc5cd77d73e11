package io.hunterreferrals.partnercenter;

/** Masks personal data for the few places where a value object might end up in a log by accident. */
final class Masking {

    private Masking() {
    }

    /** {@code a***@contoso.example}; the domain alone identifies an organisation, not a person. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
