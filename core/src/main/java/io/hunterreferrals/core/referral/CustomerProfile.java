package io.hunterreferrals.core.referral;

import java.util.List;

/**
 * The customer side of a referral. Holds personal data (team e-mails): never log it.
 *
 * @param name       the customer organisation's name, {@code null} when absent
 * @param country    the ISO country code from the address, {@code null} when absent
 * @param size       the customer size text (e.g. {@code 51to250employees}), {@code null} when absent
 * @param teamEmails the customer's contacts' e-mail addresses, in API order (blank ones dropped)
 * @param ids        the customer's ids, in API order
 */
public record CustomerProfile(String name, String country, String size, List<String> teamEmails, List<CustomerId> ids) {

    public static final CustomerProfile EMPTY = new CustomerProfile(null, null, null, List.of(), List.of());

    public CustomerProfile {
        teamEmails = teamEmails == null ? List.of()
                : teamEmails.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
