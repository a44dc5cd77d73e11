package io.hunterreferrals.core.referral;

/**
 * One member of the customer's team as Partner Center lists it ({@code customerProfile.team[]}). Personal data: never
 * log it ({@link #toString()} shows none of it). Blank values are {@code null}.
 *
 * @param firstName the first name, or {@code null}
 * @param lastName the last name, or {@code null}
 * @param email the e-mail address, or {@code null}
 * @param phoneNumber the phone number as given, or {@code null}
 */
public record CustomerContact(String firstName, String lastName, String email, String phoneNumber) {

    public CustomerContact {
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
        email = blankToNull(email);
        phoneNumber = blankToNull(phoneNumber);
    }

    /** Whether the API gave nothing usable for this member. */
    public boolean isEmpty() {
        return firstName == null && lastName == null && email == null && phoneNumber == null;
    }

    @Override
    public String toString() {
        return "CustomerContact[personal data omitted]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
