package io.hunterreferrals.core.referral;

import java.util.List;

/**
 * The customer side of a referral. Holds personal data (team e-mails): never log it.
 *
 * @param name the customer organisation's name, {@code null} when absent
 * @param country the ISO country code from the address, {@code null} when absent
 * @param size the customer size text (e.g. {@code 51to250employees}), {@code null} when absent
 * @param teamEmails the customer's contacts' e-mail addresses, in API order (blank ones dropped)
 * @param ids the customer's ids, in API order
 * @param contacts the customer's team members with their names and phone numbers, in API order (empty ones dropped)
 */
public record CustomerProfile(
        String name,
        String country,
        String size,
        List<String> teamEmails,
        List<CustomerId> ids,
        List<CustomerContact> contacts) {

    public static final CustomerProfile EMPTY = new CustomerProfile(null, null, null, List.of(), List.of());

    public CustomerProfile {
        teamEmails = teamEmails == null
                ? List.of()
                : teamEmails.stream()
                        .filter(e -> e != null && !e.isBlank())
                        .map(String::strip)
                        .toList();
        ids = ids == null ? List.of() : List.copyOf(ids);
        contacts = contacts == null
                ? List.of()
                : contacts.stream().filter(c -> c != null && !c.isEmpty()).toList();
    }

    /** A profile without contact details beyond the team's e-mail addresses (imports, older tests). */
    public CustomerProfile(String name, String country, String size, List<String> teamEmails, List<CustomerId> ids) {
        this(name, country, size, teamEmails, ids, List.of());
    }

    /** The first team member the API names, if any: the person a lead is addressed to. */
    public java.util.Optional<CustomerContact> primaryContact() {
        return contacts.stream().findFirst();
    }

    /**
     * The profile as its fingerprint has always read it (the five components before {@link #contacts} existed), so
     * adding a component does not make every stored referral look changed. The contacts come from the same payload,
     * which is fingerprinted whole.
     */
    public String fingerprintText() {
        return "CustomerProfile[name=" + name + ", country=" + country + ", size=" + size + ", teamEmails=" + teamEmails
                + ", ids=" + ids + "]";
    }

    @Override
    public String toString() {
        return "CustomerProfile[country=" + country + ", size=" + size + ", personal data omitted]";
    }
}
