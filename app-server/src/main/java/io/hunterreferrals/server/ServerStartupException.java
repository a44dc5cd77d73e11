package io.hunterreferrals.server;

/** The server refuses to start; the message says why and which setting fixes it. */
public final class ServerStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartupException(String message) {
        super(message);
    }

    public ServerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
