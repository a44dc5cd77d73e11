package io.hunterreferrals.postgres;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Free-text search over a generated {@code search_text} column: {@code search_text LIKE '%' || f_search_norm(term) ||
 * '%'}. The term is normalised by the same SQL function as the column, so case and accents (Turkish İ/ı/ş/ğ...) match
 * exactly as the index was built, and the trigram GIN index serves the predicate.
 */
final class SearchTerm {

    private static final char ESCAPE = '\\';

    private SearchTerm() {}

    static Condition matches(Field<String> searchText, String term) {
        // Without NUL, as the searched text was stored (PostgresText); a NUL bind value is an SQL error.
        Field<String> normalised =
                DSL.function("f_search_norm", String.class, DSL.val(escapeLike(PostgresText.text(term))));
        return searchText.like(DSL.inline("%").concat(normalised).concat(DSL.inline("%")), ESCAPE);
    }

    /** The user's text taken literally: {@code %} and {@code _} are not wildcards. */
    static String escapeLike(String term) {
        StringBuilder escaped = new StringBuilder(term.length() + 8);
        for (char c : term.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
