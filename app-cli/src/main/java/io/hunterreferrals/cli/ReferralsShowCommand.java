package io.hunterreferrals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.http.ApiJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Everything stored about one referral; {@code --raw} adds the payload exactly as Partner Center sent it. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one referral.")
final class ReferralsShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<id>", description = "The Partner Center referral id.")
    String id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(
            names = "--raw",
            description = "Include the raw payload as received (contains personal data: do not paste it into tickets).")
    boolean raw;

    private final CliContext context;

    ReferralsShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ReferralId referralId;
        try {
            referralId = new ReferralId(id);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "invalid_referral_id", e.getMessage());
        }
        try (Storage storage = context.openStorage(context.settings().database())) {
            ReferralDetail detail = storage.referralQueries()
                    .find(referralId, raw)
                    .orElseThrow(() -> new CliException(
                            ExitCode.NOT_FOUND,
                            "referral_not_found",
                            "No referral with id " + id
                                    + " is stored. `hunter referrals list --search <text>` finds ids; "
                                    + "`hunter sync` fetches new ones."));
            JsonNode view = ApiJson.referralDetail(
                    detail,
                    context.settings().dynamics().enabled(),
                    storage.pushQueries().state(referralId));
            if (json) {
                JsonOutput.print(context.out(), view);
            } else {
                print(detail.summary(), view, context.out());
            }
            return ExitCode.SUCCESS.code();
        }
    }

    /** The API document's fields, one per line, in its order; nested values (the raw payload) are printed last. */
    private static void print(ReferralSummary summary, JsonNode view, PrintWriter out) {
        out.println("Referral " + summary.id().value());
        view.properties().forEach(field -> {
            if (field.getKey().equals("dynamics")) {
                out.printf("  %-28s %s%n", "dynamics", dynamics(field.getValue()));
            } else if (!field.getKey().equals("raw") && !field.getKey().equals("referral_id")) {
                JsonNode value = field.getValue();
                out.printf(
                        "  %-28s %s%n",
                        field.getKey(), value.isNull() ? "-" : value.isTextual() ? value.asText() : value);
            }
        });
        if (view.has("raw")) {
            out.println("Raw payload:");
            JsonOutput.print(out, view.get("raw"));
        }
    }

    /** The push state in one line: where the lead is, or why the last attempt failed. */
    private static String dynamics(JsonNode push) {
        JsonNode state = push.path("state");
        String off = push.path("enabled").asBoolean() ? "" : " (the push is off here: HUNTER_DYNAMICS_ENABLED)";
        if (state.isNull() || state.isMissingNode()) {
            return "not pushed yet" + off;
        }
        if (state.path("status").asText().equals("pushed")) {
            return "pushed: lead " + state.path("lead_id").asText() + " at "
                    + state.path("pushed_at").asText() + writeBack(state) + off;
        }
        return "failed " + state.path("attempts").asInt() + "x ("
                + state.path("last_error_code").asText() + "): "
                + state.path("last_error").asText()
                + (state.path("lead_id").isNull()
                        ? ""
                        : "; lead " + state.path("lead_id").asText()) + writeBack(state) + off;
    }

    /** The write-back of the lead id to Partner Center, when one was tried for this lead. */
    private static String writeBack(JsonNode state) {
        JsonNode status = state.path("write_back_status");
        if (status.isNull() || status.isMissingNode()) {
            return "";
        }
        if (status.asText().equals("written")) {
            return "; lead id written back to Partner Center at "
                    + state.path("write_back_at").asText();
        }
        return "; lead id write-back " + status.asText() + " ("
                + state.path("write_back_error_code").asText() + "): "
                + state.path("write_back_error").asText();
    }
}
