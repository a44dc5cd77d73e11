package io.hunterreferrals.core.referral;

/**
 * Top-level fields that older payloads and imports carry but the documented API does not ({@code website},
 * {@code companyWebsite}, {@code contact.email}, {@code email}). They are the last resorts of the domain extraction
 * chain. Holds personal data: never log it.
 */
public record LegacyContact(String website, String companyWebsite, String contactEmail, String email) {

    public static final LegacyContact NONE = new LegacyContact(null, null, null, null);
}
