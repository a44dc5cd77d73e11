package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import java.util.Optional;

/**
 * Turns Dataverse answers that stop the push (or the setup) as a whole into {@link LeadDestinationException}s whose
 * message says exactly what to do, and which carry the HTTP status, Dataverse's code and its request id.
 */
final class WebApiFailures {

    static final String SETUP_COMMAND = "hunter dynamics setup --apply";

    private final DataverseConfig config;
    private final LeadColumns columns;

    WebApiFailures(DataverseConfig config, LeadColumns columns) {
        this.config = config;
        this.columns = columns;
    }

    /** A 403: the app has no application user in the environment, or its role lacks a privilege. */
    LeadDestinationException forbidden(WebApiResponse r, Operation operation) {
        DataverseError e = r.error();
        String users = "Power Platform admin centre → Environments → " + config.environmentName()
                + " → Settings → Users + permissions → Application users";
        if (e.is(DataverseError.NOT_A_MEMBER)) {
            return failure(
                    PushErrorCode.APPLICATION_USER_MISSING,
                    "Dynamics 365 has no application user for app " + config.clientId() + " (" + e.message() + ")."
                            + " In the " + users + " → + New app user, add the app " + config.clientId()
                            + " with a security role that can create and update leads.",
                    r);
        }
        String role = operation == Operation.SETUP
                ? "System Customizer (or System Administrator), which may create columns and keys on Lead"
                : "a security role with Create, Read and Write on Lead and Read on Currency";
        return failure(
                PushErrorCode.PRIVILEGE_MISSING,
                "The application user of app " + config.clientId() + " lacks a privilege ("
                        + (e.message() == null ? "access denied" : e.message()) + "). In the " + users
                        + " → select the app → Manage roles, assign " + role + ".",
                r);
    }

    /** A fresh token was refused too: the token is for another resource, or the user is disabled. */
    LeadDestinationException tokenRefused(WebApiResponse r) {
        return failure(
                PushErrorCode.SIGN_IN_FAILED,
                "Dynamics 365 refused a freshly issued token of app " + config.clientId() + " for " + config.scope()
                        + ". Check that HUNTER_DYNAMICS_URL is the Environment URL (Power Platform admin centre →"
                        + " Environments) and HUNTER_DYNAMICS_TENANT_ID the environment's tenant.",
                r);
    }

    /**
     * An answer that means the lead table is not set up for the push: no alternate key, a key not Active yet, or a
     * custom column missing. The codes and wordings are those dataverse.md and the simulator give; Dataverse's answer
     * to a key that is not yet Active is UNCONFIRMED.
     */
    Optional<LeadDestinationException> setupRequired(WebApiResponse r) {
        DataverseError e = r.error();
        String what;
        if (e.is(DataverseError.KEY_NOT_DEFINED)) {
            what = "the alternate key on " + columns.keyColumn() + " is missing or not Active yet";
        } else if (r.status() == 400 && e.messageContains("The key in the request URI is not valid")) {
            // dataverse.md §2's wording; that its status is 400 is UNCONFIRMED.
            what = "the lead table has no alternate key on " + columns.keyColumn();
        } else if (e.is(DataverseError.UNKNOWN_PROPERTY)) {
            what = "a column the push writes does not exist (" + e.message() + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(failure(
                PushErrorCode.SETUP_REQUIRED,
                "Dynamics 365 is not set up for the push: " + what + ". Run `" + SETUP_COMMAND
                        + "`: it creates the missing columns and the key, and waits until the key is Active.",
                r));
    }

    /** Any other answer the caller cannot use: a wrong URL, or a request this adapter should never have sent. */
    LeadDestinationException unexpected(WebApiResponse r, String purpose) {
        Optional<LeadDestinationException> setup = setupRequired(r);
        if (setup.isPresent()) {
            return setup.get();
        }
        if (r.status() == 404 || (r.status() >= 300 && r.status() < 400)) {
            return failure(
                    PushErrorCode.CONFIGURATION_INVALID,
                    "Dynamics 365 has no " + purpose + " at " + config.serviceRoot() + ". Check HUNTER_DYNAMICS_URL"
                            + " (the Environment URL in the Power Platform admin centre → Environments).",
                    r);
        }
        return failure(
                PushErrorCode.INTERNAL_ERROR,
                "Dynamics 365 refused the " + purpose + " request. This is a bug in Hunter Referrals or an"
                        + " unsupported customisation of the lead table; report it with the request id.",
                r);
    }

    /** A body the adapter cannot read where it needs one. */
    LeadDestinationException malformed(WebApiResponse r, String what) {
        return failure(PushErrorCode.MALFORMED_RESPONSE, "Dynamics 365 answered " + what + ".", r);
    }

    static LeadDestinationException failure(PushErrorCode code, String message, WebApiResponse r) {
        DataverseError e = r.error();
        String details = " (HTTP " + r.status() + (e.code() == null ? "" : ", Dataverse " + e.code()) + ", request id "
                + (r.requestId() == null ? "none" : r.requestId()) + ")";
        return new LeadDestinationException(code, message + details, r.status(), e.code(), r.requestId(), null);
    }
}
