package io.hunterreferrals.core.domainname;

/** Thrown when operator or file input is not a usable company domain. The message is safe to show and log. */
public final class InvalidDomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final DomainRejection reason;

    public InvalidDomainException(DomainRejection reason, String input) {
        super(describe(input) + " is not a usable domain: " + reason.explanation());
        this.reason = reason;
    }

    public DomainRejection reason() {
        return reason;
    }

    // An e-mail address is personal data: name the kind of input instead of echoing it.
    private static String describe(String input) {
        if (input == null || input.isBlank()) {
            return "The value";
        }
        if (input.contains("@")) {
            return "The e-mail address given";
        }
        String shown = input.strip();
        return "'" + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown) + "'";
    }
}
