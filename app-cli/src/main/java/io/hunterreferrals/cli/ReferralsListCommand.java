package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.http.ApiJson;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The referral inbox, newest sync first (the runbook's "first 5 referrals" query, filterable). */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List referrals, new and changed referrals first.")
final class ReferralsListCommand implements Callable<Integer> {

    @Option(names = "--type", description = "co-sell, marketplace, solution-provider or unknown.")
    String type;

    @Option(names = "--status", description = "Partner Center status, e.g. Active, New, Closed.")
    String status;

    @Option(names = "--link-status", description = "unlinked, auto_linked, manual_linked or manual_unlinked.")
    String linkStatus;

    @Mixin
    ListOptions list = new ListOptions();

    private final CliContext context;

    ReferralsListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        InboxQuery query = new InboxQuery(
                Optional.ofNullable(linkStatus).map(Options::linkStatus),
                Optional.ofNullable(type).map(Options::category),
                Optional.ofNullable(status),
                list.search(),
                InboxSort.DEFAULT,
                list.page());
        try (Storage storage = context.openStorage(context.settings().database())) {
            Page<ReferralSummary> page = storage.referralQueries().inbox(query);
            if (list.json()) {
                JsonOutput.print(context.out(), ApiJson.referralPage(page));
                return ExitCode.SUCCESS.code();
            }
            TextTable table = new TextTable("REFERRAL ID", "TYPE", "STATUS", "LINK", "DOMAIN", "COMPANY", "SYNCED AT");
            for (ReferralSummary r : page.items()) {
                table.add(
                        r.id().value(),
                        ReferralViews.type(r.referralType()),
                        r.status(),
                        r.linkStatus().code(),
                        r.domain().map(Object::toString).orElse(null),
                        r.companyName(),
                        ReferralViews.text(r.syncedAt()));
            }
            table.print(context.out());
            context.out().println(ListOptions.showing(page, "referrals"));
            return ExitCode.SUCCESS.code();
        }
    }
}
