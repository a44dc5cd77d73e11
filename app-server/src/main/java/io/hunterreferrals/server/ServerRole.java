package io.hunterreferrals.server;

import java.util.Locale;

/**
 * What one server process does. The predecessor's api, worker and beat containers become one image started with a role;
 * any number of processes of any role can share one database.
 */
public enum ServerRole {
    /** Serves the API and runs the scheduler (recurring syncs, manual triggers): one process does everything. */
    ALL(true, true),
    /** Serves the API; manual triggers are written to the scheduler table for a worker to run. Schedules nothing. */
    API(true, false),
    /** Runs the scheduler; serves only health and metrics. */
    WORKER(false, true);

    private final boolean servesApi;
    private final boolean runsScheduler;

    ServerRole(boolean servesApi, boolean runsScheduler) {
        this.servesApi = servesApi;
        this.runsScheduler = runsScheduler;
    }

    public boolean servesApi() {
        return servesApi;
    }

    public boolean runsScheduler() {
        return runsScheduler;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static ServerRole parse(String text) {
        for (ServerRole role : values()) {
            if (role.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + text + "': use all, api or worker");
    }
}
