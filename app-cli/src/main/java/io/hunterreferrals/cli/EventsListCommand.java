package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.http.ApiJson;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists events, newest first, with where each delivery stands: what an operator checks when someone heard nothing. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List referral events, newest first, with each channel's delivery (delivered, pending, dead).")
final class EventsListCommand implements Callable<Integer> {

    @Option(names = "--referral", paramLabel = "ID", description = "Only the events of this referral.")
    String referral;

    @Option(
            names = "--state",
            paramLabel = "STATE",
            description = "Only events with a delivery in this state: pending, delivered or dead.")
    String state;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only events of this type, e.g. referral.created.")
    String type;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "At most this many (1 to 500, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON (the API's GET /api/v1/events document).")
    boolean json;

    private final CliContext context;

    EventsListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EventFilter filter = filter();
        try (Storage storage = context.openStorage(context.settings().database())) {
            List<EventView> events = storage.outbox().events(filter);
            if (json) {
                JsonOutput.print(context.out(), ApiJson.events(events));
            } else if (events.isEmpty()) {
                context.out()
                        .println("No event matches. Events are written from the second sync on (the first one "
                                + "takes in what already exists), by link decisions and by failed runs.");
            } else {
                print(events);
            }
            return ExitCode.SUCCESS.code();
        }
    }

    private EventFilter filter() {
        try {
            return new EventFilter(
                    Optional.ofNullable(referral).map(ReferralId::of),
                    Optional.ofNullable(state).map(DeliveryState::fromCode),
                    Optional.ofNullable(type).map(EventType::fromWire),
                    limit);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "invalid_option", e.getMessage());
        }
    }

    private void print(List<EventView> events) {
        TextTable table = new TextTable("EVENT", "TYPE", "OCCURRED", "REFERRAL", "DELIVERIES");
        for (EventView view : events) {
            table.add(
                    view.event().id().toString(),
                    view.event().event().type().wire(),
                    ReferralViews.text(view.event().occurredAt()),
                    view.event().event().referral().map(r -> r.id().value()).orElse("-"),
                    view.routed() ? deliveries(view.deliveries()) : "(not routed yet)");
        }
        table.print(context.out());
        events.stream()
                .flatMap(v -> v.deliveries().stream()
                        .filter(d -> d.state() == DeliveryState.DEAD)
                        .map(d -> v.event().id() + " " + d.channel() + ": "
                                + d.lastError()
                                        .map(e -> e.code().code() + " — " + e.message()
                                                + e.requestId()
                                                        .map(id -> " (request id " + id + ")")
                                                        .orElse(""))
                                        .orElse("no error recorded")))
                .forEach(line -> context.out().println("dead " + line));
        if (events.stream().anyMatch(v -> v.deliveries().stream().anyMatch(d -> d.state() == DeliveryState.DEAD))) {
            context.out().println("Fix the cause, then send them again: hunter events retry EVENT_ID (or --all).");
        }
    }

    private static String deliveries(List<DeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return "(no channel's rule takes it)";
        }
        return deliveries.stream()
                .map(d -> d.channel() + " " + d.state().code()
                        + (d.state() == DeliveryState.DELIVERED ? "" : " (" + d.attempts() + " attempts)"))
                .collect(Collectors.joining(", "));
    }
}
