package io.hunterreferrals.simulator;

/**
 * Thrown deep inside request handling to answer with a ready error reply at once; the Web API front catches it. Keeps
 * validation code linear instead of threading Optional replies through every step.
 */
final class DataverseRejection extends RuntimeException {

    private final transient Reply reply;

    DataverseRejection(Reply reply) {
        super(null, null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
