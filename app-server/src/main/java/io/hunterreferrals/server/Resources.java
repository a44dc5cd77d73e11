package io.hunterreferrals.server;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server opened, closed in reverse order: HTTP first (no new work), then the scheduler (the running page
 * finishes), then the database last. A failing step is logged and the rest still close.
 */
final class Resources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HunterServer.class);

    private record Step(String name, AutoCloseable resource) {}

    private final Deque<Step> opened = new ArrayDeque<>();

    <T extends AutoCloseable> T add(String name, T resource) {
        opened.push(new Step(name, resource));
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            Step step = opened.pop();
            try {
                step.resource().close();
            } catch (Exception e) {
                LOG.atWarn()
                        .setMessage("hunter_server_shutdown_step_failed")
                        .addKeyValue("step", step.name())
                        .addKeyValue("error", e.toString())
                        .log();
            }
        }
    }
}
