package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.redaction.Redaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Dynamics 365 environment. Values come typed from the app's settings ({@code HUNTER_DYNAMICS_*});
 * this record validates them and supplies the defaults.
 *
 * @param environmentUrl the environment, e.g. {@code https://contoso.crm4.dynamics.com}; only its scheme and host are
 *     kept: the token scope is {@code <url>/.default} and the Web API is {@code <url>/api/data/v9.2/}
 * @param authority the tenant-specific token authority, {@code https://login.microsoftonline.com/<tenant>/} by default
 *     (never {@code common}/{@code organizations}: client credentials need the tenant, an Entra rule stated for
 *     MSAL.NET; that MSAL4J needs it too is UNCONFIRMED, dataverse.md §1)
 * @param tenantId the environment's Entra ID tenant
 * @param clientId the app registration's Application (client) ID; its application user does the writes
 * @param credential the app's secret or certificate
 * @param columnPrefix the publisher prefix of the custom lead columns, {@code hnt} by default
 * @param batchSize leads per {@code $batch}, 1 to 1000 (Dataverse's limit); Microsoft suggests starting around 10
 * @param requestTimeout how long one response may take before the request counts as timed out (and is retried)
 * @param retry the retry budget of one request
 * @param loopbackRoute rehearsal and tests only: a simulator on loopback that sign-in and the Web API go to instead,
 *     while tokens are still asked for the environment's scope
 */
public record DataverseConfig(
        URI environmentUrl,
        URI authority,
        String tenantId,
        String clientId,
        DataverseCredential credential,
        String columnPrefix,
        int batchSize,
        Duration requestTimeout,
        DataverseRetrySettings retry,
        Optional<URI> loopbackRoute) {

    public static final String DEFAULT_COLUMN_PREFIX = "hnt";
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int MAX_BATCH_SIZE = 1000;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    static final String API_PATH = "/api/data/v9.2/";

    public DataverseConfig {
        environmentUrl = origin(Objects.requireNonNull(environmentUrl, "environmentUrl"));
        tenantId = requireText(tenantId, "tenantId");
        clientId = requireText(clientId, "clientId");
        Objects.requireNonNull(credential, "credential");
        authority = authority == null ? URI.create("https://login.microsoftonline.com/" + tenantId + "/") : authority;
        if (!"https".equalsIgnoreCase(authority.getScheme()) || authority.getHost() == null) {
            // MSAL refuses anything else; failing here names the setting.
            throw new IllegalArgumentException(
                    "the authority must be an https URL such as https://login.microsoftonline" + ".com/" + tenantId
                            + "/ (was " + Redaction.url(authority.toString()) + ")");
        }
        columnPrefix = requireText(columnPrefix == null ? DEFAULT_COLUMN_PREFIX : columnPrefix, "columnPrefix")
                .toLowerCase(Locale.ROOT);
        // The rule is third-party (pnp, PowerDataOps): UNCONFIRMED by Microsoft (dataverse.md §3). It also keeps the
        // prefix out of any role but a column-name part: it is pasted into URLs and $filter expressions.
        if (!columnPrefix.matches("[a-z][a-z0-9]{1,7}") || columnPrefix.startsWith("mscrm")) {
            throw new IllegalArgumentException("the column prefix must be 2-8 letters or digits, start with a letter"
                    + " and not start with mscrm (was '" + columnPrefix + "')");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "the batch size must be 1 to " + MAX_BATCH_SIZE + " (was " + batchSize + ")");
        }
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
        retry = retry == null ? DataverseRetrySettings.DEFAULTS : retry;
        loopbackRoute = Objects.requireNonNull(loopbackRoute, "loopbackRoute").map(DataverseConfig::loopbackOnly);
    }

    /** Every optional value at its default. */
    public static DataverseConfig of(
            URI environmentUrl, String tenantId, String clientId, DataverseCredential credential) {
        return new DataverseConfig(
                environmentUrl,
                null,
                tenantId,
                clientId,
                credential,
                null,
                DEFAULT_BATCH_SIZE,
                null,
                null,
                Optional.empty());
    }

    public DataverseConfig withAuthority(URI value) {
        return new DataverseConfig(
                environmentUrl,
                value,
                tenantId,
                clientId,
                credential,
                columnPrefix,
                batchSize,
                requestTimeout,
                retry,
                loopbackRoute);
    }

    public DataverseConfig withColumnPrefix(String value) {
        return new DataverseConfig(
                environmentUrl,
                authority,
                tenantId,
                clientId,
                credential,
                value,
                batchSize,
                requestTimeout,
                retry,
                loopbackRoute);
    }

    public DataverseConfig withBatchSize(int value) {
        return new DataverseConfig(
                environmentUrl,
                authority,
                tenantId,
                clientId,
                credential,
                columnPrefix,
                value,
                requestTimeout,
                retry,
                loopbackRoute);
    }

    public DataverseConfig withRequestTimeout(Duration value) {
        return new DataverseConfig(
                environmentUrl,
                authority,
                tenantId,
                clientId,
                credential,
                columnPrefix,
                batchSize,
                value,
                retry,
                loopbackRoute);
    }

    public DataverseConfig withRetry(DataverseRetrySettings value) {
        return new DataverseConfig(
                environmentUrl,
                authority,
                tenantId,
                clientId,
                credential,
                columnPrefix,
                batchSize,
                requestTimeout,
                value,
                loopbackRoute);
    }

    public DataverseConfig withLoopbackRoute(URI value) {
        return new DataverseConfig(
                environmentUrl,
                authority,
                tenantId,
                clientId,
                credential,
                columnPrefix,
                batchSize,
                requestTimeout,
                retry,
                Optional.of(value));
    }

    /** {@code https://<org host>/.default}: what a confidential client asks Entra ID for (dataverse.md §1). */
    public String scope() {
        return environmentUrl + "/.default";
    }

    /** The host named in operator instructions, e.g. {@code contoso.crm4.dynamics.com}. */
    public String environmentName() {
        return environmentUrl.getHost();
    }

    /** Where Web API requests go: the environment, or the loopback route. Ends with {@code /api/data/v9.2/}. */
    URI serviceRoot() {
        return URI.create(loopbackRoute.orElse(environmentUrl).toString() + API_PATH);
    }

    @Override
    public String toString() {
        return "DataverseConfig[environmentUrl=" + environmentUrl + ", authority="
                + Redaction.url(authority.toString()) + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", credential=" + credential + ", columnPrefix=" + columnPrefix + ", batchSize=" + batchSize
                + ", requestTimeout=" + requestTimeout.toSeconds() + "s, loopbackRoute="
                + loopbackRoute.map(URI::toString).orElse("none") + "]";
    }

    /** {@code scheme://host[:port]}: a path, query or user-info in the setting would end up in every URL. */
    private static URI origin(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the environment URL must be https://<org>.crm<N>.dynamics.com (was "
                    + Redaction.url(url.toString()) + ")");
        }
        return URI.create("https://" + url.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /** Tokens travel to this URL over plain http: acceptable only when they never leave the machine. */
    private static URI loopbackOnly(URI route) {
        String host = route.getHost();
        boolean loopback = false;
        if ("http".equalsIgnoreCase(route.getScheme()) && host != null) {
            try {
                // Literal addresses only: no DNS answer can turn a name into a remote host here.
                loopback = host.equalsIgnoreCase("localhost")
                        || ((Character.isDigit(host.charAt(0)) || host.startsWith("["))
                                && InetAddress.getByName(host).isLoopbackAddress());
            } catch (UnknownHostException e) {
                loopback = false;
            }
        }
        if (!loopback) {
            throw new IllegalArgumentException("the loopback route must be http://127.0.0.1:PORT or"
                    + " http://localhost:PORT (was " + Redaction.url(route.toString()) + ")");
        }
        return URI.create("http://" + route.getRawAuthority());
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
