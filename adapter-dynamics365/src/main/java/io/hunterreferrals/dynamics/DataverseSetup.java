package io.hunterreferrals.dynamics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hunter dynamics check} and {@code hunter dynamics setup [--apply]}: whether the lead table has what the push
 * needs (the custom columns and an Active alternate key on the referral-id column), and creating what is missing
 * through the metadata API (dataverse.md §3). Idempotent: what exists is left alone, so a second apply creates nothing.
 * Creating columns and keys needs a customizer's role (System Customizer or System Administrator); checking does not.
 * Build it with {@link DataverseClientFactory}.
 */
public final class DataverseSetup {

    /** How long {@link #apply(Consumer)} waits for the key's index before it reports it as still building. */
    public static final Duration DEFAULT_KEY_WAIT = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(DataverseSetup.class);

    private final WebApi api;
    private final LeadColumns columns;
    private final SetupInspector inspector;
    private final KeyIndexWatcher watcher;
    private final DuplicateKeys duplicates;

    DataverseSetup(
            WebApi api,
            LeadColumns columns,
            SetupInspector inspector,
            KeyIndexWatcher watcher,
            DuplicateKeys duplicates) {
        this.api = api;
        this.columns = columns;
        this.inspector = inspector;
        this.watcher = watcher;
        this.duplicates = duplicates;
    }

    /** Signs in and asks WhoAmI: proves the settings, the secret and the application user in one call. */
    public SetupCheck.WhoAmI whoAmI() {
        return inspector.whoAmI();
    }

    /**
     * @throws io.hunterreferrals.core.push.LeadDestinationException when sign-in, the application user or the
     *     environment fail, with what to do
     */
    public SetupCheck check() {
        return inspector.check();
    }

    public SetupOutcome apply(Consumer<SetupProgress> progress) {
        return apply(DEFAULT_KEY_WAIT, progress);
    }

    /** Creates the missing columns and key, then waits up to {@code keyWait} for the key to become Active. */
    public SetupOutcome apply(Duration keyWait, Consumer<SetupProgress> progress) {
        SetupCheck before = inspector.check();
        List<SetupCheck.Column> wrong = before.columns().stream()
                .filter(c -> c.state() == SetupCheck.ColumnState.WRONG_TYPE)
                .toList();
        if (!wrong.isEmpty()) {
            return new SetupOutcome.Blocked(
                    before,
                    "Columns with the push's names exist with another type: "
                            + wrong.stream()
                                    .map(c ->
                                            c.logicalName() + " is " + c.found().orElse("?") + ", not " + c.type())
                                    .collect(Collectors.joining("; "))
                            + ". Delete them in Power Apps → Tables → Lead → Columns (or choose another"
                            + " HUNTER_DYNAMICS_COLUMN_PREFIX), then run `" + WebApiFailures.SETUP_COMMAND
                            + "` again.");
        }
        List<String> created = new ArrayList<>();
        for (LeadColumns.Custom c : columns.custom()) {
            boolean missing = before.columns().stream()
                    .anyMatch(s ->
                            s.logicalName().equals(c.logicalName()) && s.state() == SetupCheck.ColumnState.MISSING);
            if (missing && create("Attributes", Json.write(MetadataBodies.column(c)), "column creation")) {
                created.add(c.logicalName());
                LOG.atInfo().addKeyValue("column", c.logicalName()).log("dynamics_setup_column_created");
                progress.accept(new SetupProgress.ColumnCreated(
                        c.logicalName(), c.kind() == LeadColumns.Kind.STRING ? "String" : "Boolean", c.maxLength()));
            }
        }
        Optional<KeyIndexStatus> key = before.key().status();
        if (key.isEmpty() && create("Keys", Json.write(MetadataBodies.key(columns)), "key creation")) {
            created.add(columns.keySchemaName());
            LOG.atInfo().addKeyValue("key", columns.keySchemaName()).log("dynamics_setup_key_created");
            progress.accept(new SetupProgress.KeyCreated(columns.keySchemaName(), columns.keyColumn()));
        }
        KeyIndexWatcher.Seen seen = key.equals(Optional.of(KeyIndexStatus.ACTIVE))
                ? new KeyIndexWatcher.Seen(KeyIndexStatus.ACTIVE, Duration.ZERO)
                : watcher.await(keyWait, progress);
        SetupCheck after = inspector.check();
        return switch (seen.status()) {
            case ACTIVE -> new SetupOutcome.Ready(after, created);
            case FAILED -> failed(after);
            case PENDING, IN_PROGRESS ->
                new SetupOutcome.StillIndexing(
                        after,
                        seen.status(),
                        seen.elapsed(),
                        "The index of key "
                                + before.key().schemaName() + " is still "
                                + seen.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " after "
                                + seen.elapsed().toMinutes() + " min; big lead tables take longer. Run `"
                                + WebApiFailures.SETUP_COMMAND
                                + "` again later: it creates nothing twice and resumes the"
                                + " wait. The push refuses to start until the key is Active.");
        };
    }

    /** True when made; false when someone else made it meanwhile (the check ran just before). */
    private boolean create(String collection, String body, String purpose) {
        WebApiResponse r = api.call(new WebApiRequest(
                "POST", SetupInspector.LEAD_METADATA + "/" + collection, Map.of(), body, Operation.SETUP, purpose));
        // Columns answer 204 with OData-EntityId (dataverse.md §3); for keys the status is UNCONFIRMED: any 2xx will
        // do.
        if (r.isSuccess()) {
            return true;
        }
        DataverseError e = r.error();
        // The column wording is the simulator's (UNCONFIRMED); the key codes are dataverse.md §2's.
        if (r.status() == 400
                && (e.is(DataverseError.KEY_NAME_EXISTS)
                        || e.is(DataverseError.KEY_ATTRIBUTES_EXIST)
                        || e.messageContains("already exists"))) {
            return false;
        }
        throw api.failures().unexpected(r, purpose);
    }

    private SetupOutcome failed(SetupCheck after) {
        List<SetupOutcome.DuplicateKeyValue> found = duplicates.find();
        String key = after.key().schemaName();
        // ReactivateEntityKey's parameters are Microsoft's (learn: ReactivateEntityKey Action); the simulator has no
        // such action, so it is named, not called. That it is unbound is UNCONFIRMED.
        String reactivate = "then reactivate the key (the ReactivateEntityKey action with EntityLogicalName 'lead' and"
                + " EntityKeyLogicalName '" + key.toLowerCase(Locale.ROOT) + "'), or delete the key in Power Apps →"
                + " Tables → Lead → Keys and run `" + WebApiFailures.SETUP_COMMAND + "` again to recreate it.";
        String fix = found.isEmpty()
                ? "The index of key " + key + " failed, but no value of " + columns.keyColumn() + " is held by two"
                        + " leads now (someone may have fixed them already). Check the failed system job in Dynamics"
                        + " 365 (Settings → System jobs), " + reactivate
                : "The index of key " + key + " failed because " + found.size()
                        + (found.size() == DuplicateKeys.MAX_REPORTED ? " or more" : "") + " referral id(s) in "
                        + columns.keyColumn() + " are held by more than one lead: "
                        + found.stream()
                                .map(d -> "'" + d.value() + "' (leads " + String.join(", ", d.leadIds()) + ")")
                                .collect(Collectors.joining("; "))
                        + ". Keep one lead per referral id (merge or delete the others, or clear "
                        + columns.keyColumn() + " on them), " + reactivate;
        LOG.atWarn()
                .addKeyValue("key", key)
                .addKeyValue("duplicate_values", found.size())
                .log("dynamics_setup_key_failed");
        return new SetupOutcome.KeyFailed(after, found, fix);
    }
}
