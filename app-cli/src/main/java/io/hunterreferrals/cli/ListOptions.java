package io.hunterreferrals.cli;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options every listing shares ({@code --search --limit --json}), and how a page is printed as JSON. */
final class ListOptions {

    @Option(names = "--search", description = "Case- and accent-insensitive text in names and domains.")
    String search;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many (1 to 200, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    Optional<String> search() {
        return Optional.ofNullable(search);
    }

    PageRequest page() {
        return Options.page(limit);
    }

    boolean json() {
        return json;
    }

    /**
     * {@code {"total": n, "total_exact": b, "items": [...]}}, the shape of the HTTP API's listings ({@code total} is a
     * lower bound when {@code total_exact} is false).
     */
    static <T> void printJson(PrintWriter out, Page<T> page, Function<T, Map<String, Object>> view) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("total", page.total());
        document.put("total_exact", page.totalExact());
        document.put("items", page.items().stream().map(view).toList());
        JsonOutput.print(out, document);
    }

    /** "Showing 50 of 1234 referrals." / "Showing 50 of more than 10000 referrals." (a capped count). */
    static String showing(Page<?> page, String noun) {
        return "Showing " + page.items().size() + " of " + (page.totalExact() ? "" : "more than ") + page.total() + " "
                + noun + ".";
    }
}
