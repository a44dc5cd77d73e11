package io.hunterreferrals.dynamics;

import java.util.Objects;

/**
 * The adapter's two entry points over one sign-in and one HTTP client: the push's {@link DataverseLeadDestination} and
 * the {@link DataverseSetup} behind {@code hunter dynamics check} / {@code setup}.
 */
public record DataverseClients(DataverseLeadDestination leadDestination, DataverseSetup setup) {

    public DataverseClients {
        Objects.requireNonNull(leadDestination, "leadDestination");
        Objects.requireNonNull(setup, "setup");
    }
}
