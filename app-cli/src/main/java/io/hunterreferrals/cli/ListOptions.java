package io.hunterreferrals.cli;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every listing shares ({@code --search --limit --json}), and how a page is printed as JSON. */
final class ListOptions {

    @Option(names = "--search", description = "Case- and accent-insensitive text in names and domains.")
    String search;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "At most this many (1 to 200, default ${DEFAULT-VALUE}).")
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

    /** "Showing 50 of 1234 referrals." / "Showing 50 of more than 10000 referrals." (a capped count). */
    static String showing(Page<?> page, String noun) {
        return "Showing " + page.items().size() + " of " + (page.totalExact() ? "" : "more than ") + page.total() + " "
                + noun + ".";
    }
}
