package io.hunterreferrals.core.testing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fakes' copy of PostgreSQL's search normalisation, {@code f_search_norm(x) = lower(unaccent(x))} (migrations V1
 * and V9), so an in-memory search finds what the real one finds. Accents go before case: İ, I, ı and i all become
 * {@code i}, and no Turkish case mapping ever turns I into ı.
 *
 * <p>unaccent is a table of rules. Canonical decomposition without the combining marks gives the same result for its
 * accented letters (and strips stray combining marks, as unaccent does); {@link #LETTERS} adds the Latin letters it
 * maps that have no decomposition. Its other rules (ligatures, symbols, fractions, Roman numerals...) are left out: no
 * test searches for them.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ı', "i"),
            Map.entry('ß', "ss"),
            Map.entry('ẞ', "SS"),
            Map.entry('æ', "ae"),
            Map.entry('Æ', "AE"),
            Map.entry('œ', "oe"),
            Map.entry('Œ', "OE"),
            Map.entry('ø', "o"),
            Map.entry('Ø', "O"),
            Map.entry('ł', "l"),
            Map.entry('Ł', "L"),
            Map.entry('đ', "d"),
            Map.entry('Đ', "D"),
            Map.entry('ð', "d"),
            Map.entry('Ð', "D"),
            Map.entry('þ', "th"),
            Map.entry('Þ', "TH"),
            Map.entry('ħ', "h"),
            Map.entry('Ħ', "H"));

    private SearchText() {}

    /** The text as {@code f_search_norm} stores it. */
    static String normalise(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            String letter = LETTERS.get(c);
            if (letter == null) {
                mapped.append(c);
            } else {
                mapped.append(letter);
            }
        }
        String stripped =
                MARKS.matcher(Normalizer.normalize(mapped, Normalizer.Form.NFD)).replaceAll("");
        return stripped.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code term} occurs in the fields as PostgreSQL's generated {@code search_text} column holds them: the
     * fields joined by spaces (absent ones empty), so, as there, a term may run from one field into the next.
     */
    static boolean matches(String term, String... fields) {
        String[] texts = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            texts[i] = fields[i] == null ? "" : fields[i];
        }
        return normalise(String.join(" ", texts)).contains(normalise(term));
    }
}
