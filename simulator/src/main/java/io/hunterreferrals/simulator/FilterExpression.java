package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** A parsed {@code $filter}: comparisons joined by and/or. */
sealed interface FilterExpression {

    boolean test(JsonNode referral);

    /** Matches everything; what an absent $filter means. */
    FilterExpression ALL = new All();

    record All() implements FilterExpression {
        @Override
        public boolean test(JsonNode referral) {
            return true;
        }
    }

    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode referral) {
            return left.test(referral) && right.test(referral);
        }
    }

    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode referral) {
            return left.test(referral) || right.test(referral);
        }
    }

    /** {@code field op 'text'}: exact, case-sensitive, as OData string comparison is. */
    record TextComparison(String field, String op, String value) implements FilterExpression {
        @Override
        public boolean test(JsonNode referral) {
            JsonNode node = referral.path(field);
            if (!node.isTextual()) {
                return false;
            }
            boolean equal = node.asText().equals(value);
            return "eq".equals(op) == equal;
        }
    }

    /** {@code field op <instant>}; a referral whose timestamp is missing or malformed never matches. */
    record TimeComparison(String field, String op, Instant value) implements FilterExpression {
        @Override
        public boolean test(JsonNode referral) {
            Optional<Instant> actual = Timestamps.parse(
                    referral.path(field).isTextual() ? referral.path(field).asText() : null);
            if (actual.isEmpty()) {
                return false;
            }
            int c = actual.get().compareTo(value);
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
