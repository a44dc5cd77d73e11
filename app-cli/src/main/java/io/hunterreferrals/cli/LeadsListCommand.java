package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.http.ApiJson;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Leads with what their linked referrals add up to (the Leads tab's referral column). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List leads (companies) by domain.")
final class LeadsListCommand implements Callable<Integer> {

    @Option(
            names = "--type",
            description = "Only leads with a referral of this type: co-sell, marketplace, solution-provider.")
    String type;

    @Mixin
    ListOptions list = new ListOptions();

    private final CliContext context;

    LeadsListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LeadQuery query = new LeadQuery(Optional.ofNullable(type).map(Options::category), list.search(), list.page());
        try (Storage storage = context.openStorage(context.settings().database())) {
            Page<LeadSummary> page = storage.leadQueries().leads(query);
            if (list.json()) {
                JsonOutput.print(context.out(), ApiJson.leadPage(page));
                return ExitCode.SUCCESS.code();
            }
            TextTable table = new TextTable("DOMAIN", "NAME", "SOURCE", "REFERRALS", "TYPES", "LINK STATUS");
            for (LeadSummary lead : page.items()) {
                table.add(
                        lead.domain().toString(),
                        lead.name(),
                        lead.source().code(),
                        Integer.toString(lead.referralCount()),
                        types(lead),
                        lead.linkStatus().code());
            }
            table.print(context.out());
            context.out().println(ListOptions.showing(page, "leads"));
            return ExitCode.SUCCESS.code();
        }
    }

    private static String types(LeadSummary lead) {
        return lead.referralTypes().stream().map(ReferralViews::type).collect(Collectors.joining(","));
    }
}
