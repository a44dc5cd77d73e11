package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.push.WriteBackResult;
import java.util.Optional;

/**
 * Partner Center's no to a write-back (a 4xx) as a {@link WriteBackResult.Refused}: its error code (branch on the code,
 * never on the message), its message, its request id, and what the operator can do about it.
 */
final class WriteBackRefusals {

    private WriteBackRefusals() {}

    static WriteBackResult.Refused refused(int status, ErrorBody error, Optional<String> requestId) {
        String code = error.code() != null ? error.code() : "http_" + status;
        // the referral changed since the sync read its eTag: nothing against the write itself
        boolean stale = status == 412 || "preconditionFailed".equals(code) || "resourceModified".equals(code);
        String message = "Partner Center refused the lead id write-back (" + status
                + (error.code() == null ? "" : " " + error.code())
                + (error.message() == null ? "" : ": " + error.message())
                + ", request id " + requestId.orElse("none") + "). " + whatToDo(status, stale);
        return new WriteBackResult.Refused(code, message, requestId, stale);
    }

    private static String whatToDo(int status, boolean stale) {
        if (stale) {
            return "The referral changed in Partner Center since the last sync; the next push tries again with the eTag"
                    + " the next sync stores.";
        }
        return switch (status) {
            case 400 ->
                "Partner Center may not let externalReferenceId be changed (UNCONFIRMED); the lead is in Dynamics 365 "
                        + "all the same. If every referral is refused this way, set HUNTER_DYNAMICS_WRITE_BACK=false.";
            case 403 ->
                "The signed-in user (`hunter auth status`) needs the Referrals Admin or Referrals User role in "
                        + "Partner Center, and the app needs admin consent.";
            case 404 -> "The signed-in user no longer sees this referral in Partner Center.";
            default -> "This is not retried until the referral's lead is written again.";
        };
    }
}
