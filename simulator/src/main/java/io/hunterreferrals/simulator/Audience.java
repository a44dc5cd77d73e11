package io.hunterreferrals.simulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which API a bearer token is for. Entra ID puts the resource of the requested scope into the token's {@code aud}, and
 * the webhook registration API lives on the classic host ({@code api.partnercenter.microsoft.com}), not the Referrals
 * API's ({@code api.partner.microsoft.com}): a token for one is refused by the other (pc-webhooks.md, Auth).
 */
enum Audience {
    /**
     * Any token not issued for the webhook API. The product's Referrals scope is a setting, so the simulator does not
     * pin it; it only refuses the one audience that is certainly wrong.
     */
    REFERRALS,
    /** Only tokens for {@link PartnerCenterSimulator#WEBHOOK_SCOPE} (or another scope of that resource). */
    WEBHOOKS;

    private static final String WEBHOOK_RESOURCE = "https://api.partnercenter.microsoft.com";

    boolean accepts(String grantedScope) {
        return (this == WEBHOOKS) == isWebhookScope(grantedScope);
    }

    static boolean isWebhookScope(String scope) {
        return Arrays.stream(scope.trim().split("\\s+"))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(WEBHOOK_RESOURCE) || s.startsWith(WEBHOOK_RESOURCE + "/"));
    }
}
