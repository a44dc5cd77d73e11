package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.QuarantinedReferral;
import io.hunterreferrals.http.ApiJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sync quarantine: referrals that failed on their content and no longer hold the watermark back (issue 17). The
 * operator sees what failed, why, where and how often, and can hand the payload to Microsoft support.
 */
@Command(
        name = "failures",
        mixinStandardHelpOptions = true,
        description = "List the referrals the sync could not store (the quarantine), the most recently met first.")
final class SyncFailuresCommand implements Callable<Integer> {

    private static final int SHORT_HASH = "sha256:".length() + 12;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "At most this many (1 to 200, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--payload",
            description = "Include each referral exactly as Partner Center sent it (personal data).")
    boolean payload;

    private final CliContext context;

    SyncFailuresCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Storage storage = context.openStorage(context.settings().database())) {
            Page<QuarantinedReferral> page = storage.quarantine().quarantined(Options.page(limit));
            if (json) {
                JsonOutput.print(context.out(), ApiJson.quarantinePage(page, payload));
            } else if (page.items().isEmpty()) {
                context.out().println("No referral is quarantined: the sync stored every referral it met.");
            } else {
                print(page);
            }
            return ExitCode.SUCCESS.code();
        }
    }

    private void print(Page<QuarantinedReferral> page) {
        TextTable table = new TextTable(
                "REFERRAL",
                "REASON",
                "PAGE",
                "POS",
                "UPDATED (AS SENT)",
                "SEEN",
                "FIRST SEEN",
                "LAST SEEN",
                "LAST RUN");
        for (QuarantinedReferral q : page.items()) {
            table.add(
                    q.referralId()
                            .orElse(q.key().length() > SHORT_HASH ? q.key().substring(0, SHORT_HASH) + "…" : q.key()),
                    q.reason(),
                    String.valueOf(q.page()),
                    String.valueOf(q.position()),
                    q.updatedDateTime().orElse(null),
                    q.timesSeen() + "×",
                    ReferralViews.text(q.firstSeenAt()),
                    ReferralViews.text(q.lastSeenAt()),
                    q.lastRun().toString());
        }
        table.print(context.out());
        if (payload) {
            for (QuarantinedReferral q : page.items()) {
                context.out().println();
                context.out().println(q.key() + ":");
                context.out().println(q.payload().json());
            }
        }
        context.out().println(ListOptions.showing(page, "quarantined referrals"));
        context.out()
                .println("A referral leaves the quarantine when a later sync stores it (Partner Center changed it) "
                        + "or when a full sync (hunter sync --full) no longer meets it.");
    }
}
