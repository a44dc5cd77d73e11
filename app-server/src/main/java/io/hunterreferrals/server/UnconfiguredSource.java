package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourceQuery;

/**
 * Stands in for Partner Center when client id or tenant are missing: the server still serves what is stored, and each
 * sync fails with {@code configuration_invalid} and the settings to fix, visible in the run log and the API.
 */
final class UnconfiguredSource implements ReferralSource {

    @Override
    public PageCursor open(SourceQuery query) {
        throw new ReferralSourceException(
                SourceFailure.CONFIGURATION,
                "Partner Center is not configured: set "
                        + "HUNTER_PARTNER_CENTER_CLIENT_ID and HUNTER_PARTNER_CENTER_TENANT_ID (hunter config "
                        + "check), then "
                        + "sign in with hunter auth login.");
    }
}
