package io.hunterreferrals.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code hunter dynamics check} / {@code setup} found in the environment: who the app is there, and whether the
 * lead table has the custom columns and the Active alternate key the push needs.
 *
 * @param warnings column lengths in this organisation shorter than the push assumes (ADR 0012): such text is refused
 */
public record SetupCheck(WhoAmI whoAmI, List<Column> columns, Key key, List<String> warnings) {

    /** WhoAmI's answer: the application user, its business unit and the organization. */
    public record WhoAmI(String userId, String businessUnitId, String organizationId) {}

    /** Whether a custom column exists as the push needs it. */
    public enum ColumnState {
        PRESENT,
        MISSING,
        /** A column of that name exists with another type: the setup cannot fix it. */
        WRONG_TYPE
    }

    /**
     * @param type {@code String} or {@code Boolean}, as the metadata names attribute types
     * @param maxLength the length the setup creates a text column with; 0 for others
     * @param found the type the organisation has, when it differs
     */
    public record Column(String logicalName, String type, int maxLength, ColumnState state, Optional<String> found) {}

    /**
     * The alternate key over the referral-id column.
     *
     * @param status empty when no key covers the column
     */
    public record Key(String schemaName, String column, Optional<KeyIndexStatus> status) {}

    public SetupCheck {
        Objects.requireNonNull(whoAmI, "whoAmI");
        columns = List.copyOf(columns);
        Objects.requireNonNull(key, "key");
        warnings = List.copyOf(warnings);
    }

    /** Every column present and the key Active: leads can be pushed. */
    public boolean ready() {
        return columns.stream().allMatch(c -> c.state() == ColumnState.PRESENT)
                && key.status().equals(Optional.of(KeyIndexStatus.ACTIVE));
    }

    /**
     * One line per thing that is not as the push needs it, e.g. {@code column hnt_referraltype (String, 100): missing}.
     */
    public List<String> missing() {
        List<String> lines = new ArrayList<>();
        for (Column c : columns) {
            if (c.state() != ColumnState.PRESENT) {
                lines.add("column " + c.logicalName() + " (" + c.type()
                        + (c.maxLength() > 0 ? ", " + c.maxLength() : "") + "): "
                        + (c.state() == ColumnState.MISSING
                                ? "missing"
                                : "exists as " + c.found().orElse("another type") + "; delete or rename it"));
            }
        }
        if (!key.status().equals(Optional.of(KeyIndexStatus.ACTIVE))) {
            lines.add("alternate key " + key.schemaName() + " on " + key.column() + ": "
                    + key.status().map(s -> "EntityKeyIndexStatus " + s).orElse("missing"));
        }
        return lines;
    }
}
