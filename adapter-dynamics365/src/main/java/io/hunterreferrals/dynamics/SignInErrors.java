package io.hunterreferrals.dynamics;

import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed token request means and what the operator must fix. MSAL wraps Entra ID's answer in an
 * {@link MsalServiceException} whose message starts with the {@code AADSTSnnnn} code; the instructions branch on that
 * code, never on the prose, which Entra ID changes and localises.
 */
final class SignInErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private SignInErrors() {}

    /**
     * Network trouble, or Entra ID answering 429/5xx: another try may work. Entra ID's throttling and outage bodies are
     * UNCONFIRMED (not in the references), so only the status decides.
     */
    static boolean isTransient(Throwable e) {
        Optional<MsalServiceException> service = find(e, MsalServiceException.class);
        if (service.isPresent()) {
            Integer status = service.get().statusCode();
            return status != null && (status == 429 || status >= 500);
        }
        return find(e, IOException.class).isPresent();
    }

    static Integer status(Throwable e) {
        return find(e, MsalServiceException.class)
                .map(MsalServiceException::statusCode)
                .orElse(null);
    }

    /** The error code and class, for a message that holds no secret. */
    static String summary(Throwable e) {
        String code = find(e, MsalException.class).map(MsalException::errorCode).orElse(null);
        String aadsts = aadsts(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (aadsts != null ? aadsts : code != null ? code : root.getClass().getSimpleName())
                + (status(e) == null ? "" : ", HTTP " + status(e));
    }

    static LeadDestinationException refused(DataverseConfig config, Throwable e) {
        String aadsts = aadsts(e);
        String app = "app " + config.clientId();
        String secrets = "Azure Portal → App registrations → " + config.clientId() + " → Certificates & secrets";
        String fix = switch (aadsts == null ? "" : aadsts) {
            case "AADSTS7000215" ->
                "Entra ID refused the client secret of " + app + " (AADSTS7000215: wrong secret). In " + secrets
                        + ", create a new client secret and set HUNTER_DYNAMICS_CLIENT_SECRET to its Value (not its"
                        + " Secret ID).";
            case "AADSTS7000222" ->
                "The client secret of " + app + " has expired (AADSTS7000222). In " + secrets
                        + ", create a new client secret, set HUNTER_DYNAMICS_CLIENT_SECRET to its Value and delete"
                        + " the expired one.";
            case "AADSTS7000218" ->
                "Entra ID got no credential for " + app + " (AADSTS7000218). Set HUNTER_DYNAMICS_CLIENT_SECRET, or"
                        + " HUNTER_DYNAMICS_CERTIFICATE_PATH to a certificate uploaded in " + secrets + ".";
            case "AADSTS700027", "AADSTS700021", "AADSTS700023", "AADSTS700024", "AADSTS50027" ->
                "Entra ID refused the certificate of " + app + " (" + aadsts + "). In " + secrets
                        + " → Certificates, upload the public certificate (.cer) of the PKCS#12 file in"
                        + " HUNTER_DYNAMICS_CERTIFICATE_PATH, and check that it has not expired.";
            case "AADSTS700016" ->
                "Entra ID knows no " + app + " in tenant " + config.tenantId() + " (AADSTS700016). Copy the"
                        + " Application (client) ID and the Directory (tenant) ID from Azure Portal → App"
                        + " registrations → the app → Overview into HUNTER_DYNAMICS_CLIENT_ID and"
                        + " HUNTER_DYNAMICS_TENANT_ID.";
            case "AADSTS90002", "AADSTS900023" ->
                "Entra ID knows no tenant " + config.tenantId() + " (" + aadsts + "). Set HUNTER_DYNAMICS_TENANT_ID"
                        + " to the Directory (tenant) ID from Azure Portal → App registrations → the app → Overview.";
            case "AADSTS500011", "AADSTS1002012", "AADSTS70011" ->
                "Entra ID has no resource for the scope " + config.scope() + " (" + aadsts + "). Set"
                        + " HUNTER_DYNAMICS_URL to the Environment URL shown in the Power Platform admin centre →"
                        + " Environments → your environment.";
            default ->
                "Entra ID refused the sign-in of " + app + " (" + summary(e) + "). Check the app registration in "
                        + secrets + ", and HUNTER_DYNAMICS_TENANT_ID / HUNTER_DYNAMICS_CLIENT_ID.";
        };
        Optional<MsalServiceException> service = find(e, MsalServiceException.class);
        return new LeadDestinationException(
                PushErrorCode.SIGN_IN_FAILED,
                fix,
                service.map(MsalServiceException::statusCode).orElse(null),
                aadsts != null
                        ? aadsts
                        : find(e, MsalException.class)
                                .map(MsalException::errorCode)
                                .orElse(null),
                service.map(MsalServiceException::correlationId).orElse(null),
                e);
    }

    private static String aadsts(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = AADSTS.matcher(String.valueOf(c.getMessage()));
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }
}
