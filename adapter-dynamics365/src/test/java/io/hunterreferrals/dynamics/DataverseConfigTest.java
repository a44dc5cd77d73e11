package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataverseConfigTest {

    private static final String SECRET = "Zx8Q~very-secret-value";

    private static DataverseConfig config() {
        return DataverseConfig.of(
                URI.create("https://Contoso.crm4.dynamics.com/main.aspx?appid=1"),
                "7c1d3b2a-9e8f-4a6b-8c5d-2e1f0a9b8c7d",
                "3b5e7d9f-1a2c-4e6b-8d0f-a1b2c3d4e5f6",
                new DataverseCredential.ClientSecret(SECRET));
    }

    @Test
    void theDefaultsAreATenantAuthorityTheOrgScopeAndTheWebApiRoot() {
        DataverseConfig c = config();

        assertThat(c.environmentUrl()).isEqualTo(URI.create("https://contoso.crm4.dynamics.com"));
        assertThat(c.scope()).isEqualTo("https://contoso.crm4.dynamics.com/.default");
        assertThat(c.authority())
                .isEqualTo(URI.create("https://login.microsoftonline.com/7c1d3b2a-9e8f-4a6b-8c5d-2e1f0a9b8c7d/"));
        assertThat(c.serviceRoot()).isEqualTo(URI.create("https://contoso.crm4.dynamics.com/api/data/v9.2/"));
        assertThat(c.columnPrefix()).isEqualTo("hnt");
        assertThat(c.batchSize()).isEqualTo(10);
        assertThat(c.withLoopbackRoute(URI.create("http://127.0.0.1:8082/")).serviceRoot())
                .isEqualTo(URI.create("http://127.0.0.1:8082/api/data/v9.2/"));
    }

    @Test
    void toStringNeverShowsTheSecretOrTheCertificatePassword() {
        assertThat(config().toString()).doesNotContain(SECRET).contains("****");
        DataverseConfig cert = DataverseConfig.of(
                URI.create("https://contoso.crm4.dynamics.com"),
                "t",
                "c",
                new DataverseCredential.ClientCertificate(Path.of("app.p12"), "cert-password"));
        assertThat(cert.toString()).doesNotContain("cert-password").contains("app.p12");
    }

    @Test
    void settingsThatCannotWorkAreRefusedWithTheirName() {
        assertThatThrownBy(() -> config().withColumnPrefix("x")).hasMessageContaining("column prefix");
        assertThatThrownBy(() -> config().withColumnPrefix("mscrmx")).hasMessageContaining("mscrm");
        assertThatThrownBy(() -> config().withColumnPrefix("a_b'")).hasMessageContaining("column prefix");
        assertThatThrownBy(() -> config().withBatchSize(1001)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> config().withAuthority(URI.create("http://login.microsoftonline.com/t/")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> config().withLoopbackRoute(URI.create("http://dataverse.example:8082")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> DataverseConfig.of(
                        URI.create("http://contoso.crm4.dynamics.com"),
                        "t",
                        "c",
                        new DataverseCredential.ClientSecret("s")))
                .hasMessageContaining("environment URL");
        assertThatThrownBy(() -> new DataverseCredential.ClientSecret(" ")).hasMessageContaining("secret");
    }
}
