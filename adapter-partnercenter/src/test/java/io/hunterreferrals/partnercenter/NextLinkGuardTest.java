package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextLinkGuardTest {

    private static final URI CURRENT =
            URI.create("https://api.partner.microsoft.com/v1.0/engagements/referrals?$top=100");
    private final NextLinkGuard guard = new NextLinkGuard(URI.create("https://api.partner.microsoft.com"));

    @Test
    void aSameHostLinkIsFollowedVerbatim() {
        String link = "https://api.partner.microsoft.com/v1.0/engagements/referrals?$skiptoken=abc%3D%3D";
        assertThat(guard.check(link, CURRENT, "rid")).hasToString(link);
    }

    @Test
    void theDocSampleHttpSchemeIsUpgradedForTheConfiguredHostOnly() {
        assertThat(guard.check("http://api.partner.microsoft.com/v1.0/referrals?$skiptoken=x", CURRENT, "rid"))
                .hasToString("https://api.partner.microsoft.com/v1.0/referrals?$skiptoken=x");
    }

    @Test
    void aRelativeLinkResolvesAgainstTheCurrentPage() {
        assertThat(guard.check("/v1.0/engagements/referrals?$skiptoken=y", CURRENT, "rid"))
                .hasToString("https://api.partner.microsoft.com/v1.0/engagements/referrals?$skiptoken=y");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/v1.0/engagements/referrals?$skiptoken=x",
                "https://api.partner.microsoft.com.evil.example/v1.0/x",
                "https://api.partner.microsoft.com:8443/v1.0/x",
                "http://api.partner.microsoft.com:80/v1.0/x",
                "ftp://api.partner.microsoft.com/v1.0/x",
                "https://user@api.partner.microsoft.com/v1.0/x",
                "https://api.partner.microsoft.com/v1.0/x?a=b c"
            })
    void anythingElseIsRefused(String link) {
        assertThatThrownBy(() -> guard.check(link, CURRENT, "rid-1"))
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.PAGING);
                    assertThat(e.requestId()).hasValue("rid-1");
                });
    }

    @Test
    void anHttpApiDoesNotAcceptAnHttpsLink() {
        NextLinkGuard local = new NextLinkGuard(URI.create("http://127.0.0.1:8080"));
        assertThat(local.check("http://127.0.0.1:8080/v1.0/x", URI.create("http://127.0.0.1:8080/v1.0/y"), null))
                .hasToString("http://127.0.0.1:8080/v1.0/x");
        assertThatThrownBy(
                        () -> local.check("https://127.0.0.1:8080/v1.0/x", URI.create("http://127.0.0.1:8080/"), null))
                .isInstanceOf(ReferralSourceException.class);
        assertThatThrownBy(
                        () -> local.check("http://127.0.0.1:9090/v1.0/x", URI.create("http://127.0.0.1:8080/"), null))
                .isInstanceOf(ReferralSourceException.class);
    }
}
