package io.hunterreferrals.http;

/** Whether the server can call Partner Center, as {@code /healthz} reports it in {@code auth}. */
public enum PartnerCenterAuthState {
    /** A signed-in account with a usable (or silently refreshable) token. */
    OK("ok"),
    /** Configured, but nobody has signed in yet or the refresh token expired: run the device-code sign-in. */
    SIGN_IN_REQUIRED("sign_in_required"),
    /** Client id or tenant id missing. */
    NOT_CONFIGURED("not_configured");

    private final String code;

    PartnerCenterAuthState(String code) {
        this.code = code;
    }

    /** The value shown in {@code /healthz}. */
    public String code() {
        return code;
    }
}
