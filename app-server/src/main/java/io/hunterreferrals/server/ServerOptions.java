package io.hunterreferrals.server;

import java.util.Objects;

/**
 * How the operator started the server ({@code hunter server --role ... --demo}).
 *
 * @param demo embedded database, in-process Partner Center simulator and a signed-in simulated account
 */
public record ServerOptions(ServerRole role, boolean demo) {

    public ServerOptions {
        Objects.requireNonNull(role, "role");
    }
}
