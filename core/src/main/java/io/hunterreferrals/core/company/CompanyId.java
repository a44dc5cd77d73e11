package io.hunterreferrals.core.company;

/** The id of a company (a lead) in the company directory. */
public record CompanyId(long value) {

    public CompanyId {
        if (value <= 0) {
            throw new IllegalArgumentException("A company id is positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
