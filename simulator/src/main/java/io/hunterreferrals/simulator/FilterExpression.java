package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A parsed {@code $filter}: comparisons joined by and/or. */
sealed interface FilterExpression {

    boolean test(ReferralFields referral);

    default boolean test(JsonNode referral) {
        return test(ReferralFields.of(referral));
    }

    /** Matches everything; what an absent $filter means. */
    FilterExpression ALL = new All();

    record All() implements FilterExpression {
        @Override
        public boolean test(ReferralFields referral) {
            return true;
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(ReferralFields referral) {
            return left.test(referral) && right.test(referral);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(ReferralFields referral) {
            return left.test(referral) || right.test(referral);
        }
    }

    /** {@code field op 'text'}: exact, case-sensitive, as OData string comparison is. */
    record TextComparison(String field, String op, String value) implements FilterExpression {
        @Override
        public boolean test(ReferralFields referral) {
            String text = referral.text(field);
            if (text == null) {
                return false;
            }
            boolean equal = text.equals(value);
            return "eq".equals(op) == equal;
        }
    }

    /** {@code field op <instant>}; a referral whose timestamp is missing or malformed never matches. */
    record TimeComparison(String field, String op, Instant value) implements FilterExpression {
        @Override
        public boolean test(ReferralFields referral) {
            Instant actual = referral.time(field);
            if (actual == null) {
                return false;
            }
            int c = actual.compareTo(value);
            return switch (op) {
                case "eq" -> c == 0;
                case "ne" -> c != 0;
                case "ge" -> c >= 0;
                case "gt" -> c > 0;
                case "le" -> c <= 0;
                case "lt" -> c < 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }
}
