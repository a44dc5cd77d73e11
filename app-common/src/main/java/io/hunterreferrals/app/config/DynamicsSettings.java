package io.hunterreferrals.app.config;

import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.redaction.Redaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Dynamics 365 (the Dataverse Web API) and what to push there ({@code HUNTER_DYNAMICS_*}).
 *
 * @param enabled the feature flag {@code HUNTER_DYNAMICS_ENABLED}
 * @param environmentUrl the environment, e.g. {@code https://contoso.crm4.dynamics.com}; required to push
 * @param tenantId the environment's tenant; required to sign in
 * @param clientId the app registration the push signs in as; required to sign in
 * @param clientSecret its secret, or empty when a certificate is used
 * @param certificatePath its PKCS#12 certificate (absolute), or empty when a secret is used
 * @param certificatePassword the certificate file's password, if it has one
 * @param columnPrefix the publisher prefix of the custom columns, e.g. {@code hnt}
 * @param batchSize leads per {@code $batch} request
 * @param maxAttempts refusals of one lead before it waits for its referral to change
 * @param filter which referrals are pushed
 * @param requestTimeout how long one Dataverse response may take before it is retried
 * @param writeBack {@code HUNTER_DYNAMICS_WRITE_BACK}: each lead id is also written back to its referral in Partner
 *     Center, with the operator's Partner Center sign-in
 * @param simulatorUrl a standalone Dataverse simulator on loopback that sign-in and the Web API go to instead
 */
public record DynamicsSettings(
        boolean enabled,
        Optional<URI> environmentUrl,
        Optional<String> tenantId,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Optional<Path> certificatePath,
        Optional<String> certificatePassword,
        String columnPrefix,
        int batchSize,
        int maxAttempts,
        PushFilter filter,
        Duration requestTimeout,
        boolean writeBack,
        Optional<URI> simulatorUrl) {

    public static final DynamicsSettings OFF = new DynamicsSettings(
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "hnt",
            10,
            5,
            PushFilter.ALL,
            Duration.ofSeconds(60),
            false,
            Optional.empty());

    public DynamicsSettings {
        Objects.requireNonNull(environmentUrl, "environmentUrl");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(certificatePath, "certificatePath");
        Objects.requireNonNull(certificatePassword, "certificatePassword");
        Objects.requireNonNull(columnPrefix, "columnPrefix");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(simulatorUrl, "simulatorUrl");
        certificatePath = certificatePath.map(p -> p.toAbsolutePath().normalize());
    }

    /** The OAuth scope of the environment: {@code https://<org host>/.default}. */
    public Optional<String> scope() {
        return environmentUrl.map(url -> url.getScheme() + "://" + url.getAuthority() + "/.default");
    }

    /** What stops a push, with fixes; empty when it can run. */
    public List<SettingProblem> readinessProblems() {
        List<SettingProblem> problems = new ArrayList<>();
        if (!enabled) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_ENABLED,
                    "is false, so the Dynamics 365 push is off",
                    "Set " + Setting.DYNAMICS_ENABLED.variable() + "=true once the settings below are in place"));
        }
        if (environmentUrl.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_URL,
                    "is missing",
                    "Copy the environment URL from the "
                            + "Power Platform admin centre → Environments → your environment (Environment URL)"));
        }
        if (tenantId.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_TENANT_ID,
                    "is missing",
                    "Copy the Directory (tenant) ID from Azure Portal → App registrations → your app"));
        }
        if (clientId.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_CLIENT_ID,
                    "is missing",
                    "Copy the Application (client) ID from Azure Portal → App registrations → your app"));
        }
        if (clientSecret.isEmpty() && certificatePath.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.DYNAMICS_CLIENT_SECRET,
                    "is missing, and so is " + Setting.DYNAMICS_CERTIFICATE_PATH.variable(),
                    "Create a client secret (Certificates & secrets) "
                            + "and set it, or set the path of the app's PKCS#12 certificate"));
        }
        return problems;
    }

    /**
     * What stops the write-back of lead ids to Partner Center, with the fix; empty when it is off or can sign in. It
     * signs in as the operator, like the sync: the Partner Center app registration must be configured.
     */
    public List<SettingProblem> writeBackProblems(PartnerCenterSettings partnerCenter) {
        if (!writeBack || partnerCenter.canSignIn()) {
            return List.of();
        }
        return List.of(new SettingProblem(
                Setting.DYNAMICS_WRITE_BACK,
                "is true, but the Partner Center sign-in it uses is not configured ("
                        + Setting.PARTNER_CENTER_CLIENT_ID.variable() + ", "
                        + Setting.PARTNER_CENTER_TENANT_ID.variable() + ")",
                "Set them as for the sync (runbook phase 1) and run `hunter auth login`, or set "
                        + Setting.DYNAMICS_WRITE_BACK.variable() + "=false"));
    }

    @Override
    public String toString() {
        return "DynamicsSettings[enabled=" + enabled + ", environmentUrl="
                + environmentUrl.map(u -> Redaction.url(u.toString())).orElse("none") + ", tenantId="
                + tenantId.orElse("none") + ", clientId="
                + clientId.orElse("none") + ", clientSecret="
                + clientSecret.map(Redaction::secret).orElse("none")
                + ", certificatePath=" + certificatePath.map(Path::toString).orElse("none") + ", columnPrefix="
                + columnPrefix + ", batchSize=" + batchSize + ", maxAttempts=" + maxAttempts + ", writeBack="
                + writeBack
                + "]";
    }
}
