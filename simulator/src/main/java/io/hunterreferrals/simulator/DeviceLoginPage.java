package io.hunterreferrals.simulator;

/**
 * The verification_uri of the simulated sign-in: a one-field form, so a demo operator can "sign in" from a browser the
 * way they would at microsoft.com/devicelogin.
 */
final class DeviceLoginPage {

    static final String PATH = "/devicelogin";

    private final SimulatedIdentity identity;

    DeviceLoginPage(SimulatedIdentity identity) {
        this.identity = identity;
    }

    Reply handle(Request request) {
        if (request.isPost()) {
            String code = request.form()
                    .getOrDefault("user_code", java.util.List.of(""))
                    .getFirst();
            try {
                identity.approve(code);
                return Reply.html(page("Signed in as " + escape(identity.username()) + ". You can close this window."));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return Reply.html(page("That code is not valid. Try again.") + form());
            }
        }
        return Reply.html(page("Enter the code shown by the application.") + form());
    }

    private static String page(String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Simulated sign-in</title></head><body>"
                + "<h1>Partner Center simulator</h1><p>" + message + "</p>";
    }

    private static String form() {
        return "<form method=\"post\"><input name=\"user_code\" autofocus><button>Next</button></form></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
