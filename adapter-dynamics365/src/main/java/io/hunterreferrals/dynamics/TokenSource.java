package io.hunterreferrals.dynamics;

/** Access tokens for the environment's scope; {@link MsalTokens} in production and tests alike. */
interface TokenSource {

    /**
     * @param fresh true after Dataverse refused the last token (401): skip the cache and ask Entra ID anew
     * @throws TokenUnavailableException when the identity provider could not be reached or was failing: worth a retry
     * @throws io.hunterreferrals.core.push.LeadDestinationException when the sign-in itself was refused or the settings
     *     cannot work: not worth a retry
     */
    String accessToken(boolean fresh) throws TokenUnavailableException;
}
