package io.hunterreferrals.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for the $filter subset the sync needs; anything else is rejected, so a client that sends an
 * unsupported expression finds out here rather than in production.
 *
 * <pre>
 * expr       := term ('or' term)*
 * term       := factor ('and' factor)*
 * factor     := '(' expr ')' | comparison
 * comparison := textField ('eq'|'ne') 'quoted'
 *             | timeField ('eq'|'ne'|'ge'|'gt'|'le'|'lt') (instant | 'instant')
 * </pre>
 */
final class FilterParser {

    static final Set<String> TEXT_FIELDS =
            Set.of("direction", "status", "substatus", "type", "qualification", "engagementId");
    static final Set<String> TIME_FIELDS = Set.of("updatedDateTime", "createdDateTime");
    private static final Set<String> TEXT_OPS = Set.of("eq", "ne");
    private static final Set<String> TIME_OPS = Set.of("eq", "ne", "ge", "gt", "le", "lt");

    private final List<Token> tokens;
    private int pos;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws IllegalArgumentException with a client-facing message when the filter is outside the subset */
    static FilterExpression parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return FilterExpression.ALL;
        }
        FilterParser parser = new FilterParser(tokenize(filter));
        FilterExpression expr = parser.expr();
        if (parser.pos != parser.tokens.size()) {
            throw new IllegalArgumentException(
                    "Unexpected '" + parser.tokens.get(parser.pos).text() + "' in $filter.");
        }
        return expr;
    }

    private FilterExpression expr() {
        FilterExpression left = term();
        while (keyword("or")) {
            left = new FilterExpression.Or(left, term());
        }
        return left;
    }

    private FilterExpression term() {
        FilterExpression left = factor();
        while (keyword("and")) {
            left = new FilterExpression.And(left, factor());
        }
        return left;
    }

    private FilterExpression factor() {
        if (peek().filter(t -> t.kind() == Kind.OPEN).isPresent()) {
            pos++;
            FilterExpression inner = expr();
            if (peek().filter(t -> t.kind() == Kind.CLOSE).isEmpty()) {
                throw new IllegalArgumentException("Missing ')' in $filter.");
            }
            pos++;
            return inner;
        }
        return comparison();
    }

    private FilterExpression comparison() {
        Token field = next("a property name");
        Token op = next("an operator");
        Token value = next("a value");
        String operator = op.text().toLowerCase(Locale.ROOT);
        if (field.kind() == Kind.WORD && TEXT_FIELDS.contains(field.text())) {
            if (!TEXT_OPS.contains(operator) || value.kind() != Kind.QUOTED) {
                throw new IllegalArgumentException(
                        "Property '" + field.text() + "' supports only eq/ne with a quoted string.");
            }
            return new FilterExpression.TextComparison(field.text(), operator, value.text());
        }
        if (field.kind() == Kind.WORD && TIME_FIELDS.contains(field.text())) {
            if (!TIME_OPS.contains(operator) || value.kind() == Kind.OPEN || value.kind() == Kind.CLOSE) {
                throw new IllegalArgumentException(
                        "Property '" + field.text() + "' supports eq/ne/ge/gt/le/lt with a date-time.");
            }
            Instant instant = Timestamps.parse(value.text())
                    .orElseThrow(
                            () -> new IllegalArgumentException("'" + value.text() + "' is not an ISO-8601 date-time."));
            return new FilterExpression.TimeComparison(field.text(), operator, instant);
        }
        throw new IllegalArgumentException("Filtering on '" + field.text() + "' is not supported.");
    }

    private boolean keyword(String word) {
        Optional<Token> t = peek();
        if (t.isPresent() && t.get().kind() == Kind.WORD && t.get().text().equalsIgnoreCase(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private Optional<Token> peek() {
        return pos < tokens.size() ? Optional.of(tokens.get(pos)) : Optional.empty();
    }

    private Token next(String expected) {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("$filter ended where " + expected + " was expected.");
        }
        return tokens.get(pos++);
    }

    private enum Kind {
        WORD,
        QUOTED,
        OPEN,
        CLOSE
    }

    private record Token(Kind kind, String text) {}

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("Unterminated string literal in $filter.");
                    }
                    char ch = s.charAt(i);
                    if (ch == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') { // OData escapes a quote by doubling it
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(ch);
                    i++;
                }
                out.add(new Token(Kind.QUOTED, sb.toString()));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()'".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i)));
            }
        }
        return out;
    }
}
