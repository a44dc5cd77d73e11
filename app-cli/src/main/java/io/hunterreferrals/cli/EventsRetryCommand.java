package io.hunterreferrals.cli;

import io.hunterreferrals.app.wiring.Storage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends dead deliveries again, once the operator has fixed what made them fail. */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = "Send an event's dead deliveries again (or every dead one with --all), due now; also lets "
                + "channels whose receiver answered 410 Gone send again.")
final class EventsRetryCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "EVENT_ID", description = "The event's id (hunter events list).")
    String eventId;

    @Option(names = "--all", description = "Every dead delivery of every event.")
    boolean all;

    private final CliContext context;

    EventsRetryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (all == (eventId != null)) {
            throw new CliException(
                    ExitCode.USAGE, "invalid_option", "Name one event (hunter events retry EVENT_ID) or use --all.");
        }
        Optional<UUID> event = Optional.ofNullable(eventId).map(EventsRetryCommand::uuid);
        try (Storage storage = context.openStorage(context.settings().database())) {
            if (event.isPresent() && storage.outbox().event(event.get()).isEmpty()) {
                throw new CliException(ExitCode.NOT_FOUND, "event_not_found", "There is no event " + eventId + ".");
            }
            int revived = storage.outbox().retryDead(event, Instant.now());
            context.out()
                    .println(
                            revived == 0
                                    ? "No dead delivery"
                                            + event.map(id -> " of event " + id).orElse("") + ": nothing to retry."
                                    : revived + " dead " + (revived == 1 ? "delivery is" : "deliveries are")
                                            + " due again; the worker sends " + (revived == 1 ? "it" : "them")
                                            + " on its next pass (hunter events list shows how it went).");
            return ExitCode.SUCCESS.code();
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    ExitCode.USAGE,
                    "invalid_event_id",
                    "'" + text + "' is not an event id (a UUID from hunter events list).");
        }
    }
}
