package io.hunterreferrals.core.push;

/**
 * The longest text each lead value may hold in the destination (Dataverse's column lengths, for example). The mapping
 * cuts longer text with a marker instead of letting the CRM refuse the whole lead.
 */
public record LeadLimits(
        int subject,
        int companyName,
        int website,
        int country,
        int description,
        int firstName,
        int lastName,
        int email,
        int phone) {

    public LeadLimits {
        for (int limit :
                new int[] {subject, companyName, website, country, description, firstName, lastName, email, phone}) {
            if (limit < 8) {
                throw new IllegalArgumentException("A text limit below 8 characters cannot hold a cut marker");
            }
        }
    }
}
