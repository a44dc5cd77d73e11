package io.hunterreferrals.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.config.SettingsParser;
import io.hunterreferrals.partnercenter.PartnerCenterAuthConfig;
import io.hunterreferrals.partnercenter.ReferralsApiConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerCenterWiringTest {

    @TempDir
    Path dir;

    private PartnerCenterSettings settings(Map<String, String> env) {
        return SettingsParser.load(env, dir).orThrow().partnerCenter();
    }

    @Test
    void settingsBecomeTheAdaptersConfigRecords() {
        PartnerCenterSettings settings = settings(Map.of(
                "HUNTER_PARTNER_CENTER_CLIENT_ID", "1475ed28-175a-45f1-a299-e811147ad068",
                "HUNTER_PARTNER_CENTER_TENANT_ID", "aa72d1fe-d762-49f7-b721-c7611d0a6934",
                "HUNTER_PARTNER_CENTER_API_URL", "http://127.0.0.1:9999",
                "HUNTER_PARTNER_CENTER_PAGE_SIZE", "25",
                "HUNTER_PARTNER_CENTER_MAX_PAGES", "7",
                "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH", "cache/tokens"));
        PartnerCenterAuthConfig auth = PartnerCenterWiring.authConfig(settings);
        assertThat(auth.clientId()).isEqualTo("1475ed28-175a-45f1-a299-e811147ad068");
        assertThat(auth.authority())
                .isEqualTo(URI.create("https://login.microsoftonline.com/aa72d1fe-d762-49f7-b721-c7611d0a6934"));
        assertThat(auth.tokenCachePath()).isEqualTo(dir.toAbsolutePath().resolve("cache/tokens"));
        ReferralsApiConfig api = PartnerCenterWiring.referralsApiConfig(settings);
        assertThat(api.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(api.pageSize()).isEqualTo(25);
        assertThat(api.maxPages()).isEqualTo(7);
    }

    @Test
    void anExplicitAuthorityNamesTheTenant() {
        PartnerCenterSettings settings = settings(Map.of(
                "HUNTER_PARTNER_CENTER_CLIENT_ID", "1475ed28-175a-45f1-a299-e811147ad068",
                "HUNTER_PARTNER_CENTER_AUTHORITY", "https://login.microsoftonline.us/contoso.onmicrosoft.com/"));
        assertThat(PartnerCenterWiring.authConfig(settings).tenantId()).isEqualTo("contoso.onmicrosoft.com");
    }

    @Test
    void signingInNeedsClientAndTenant() {
        assertThatThrownBy(() -> PartnerCenterWiring.authConfig(settings(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUNTER_PARTNER_CENTER_CLIENT_ID");
    }
}
