package io.hunterreferrals.core.push;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of one push run as it goes. */
final class PushTally {

    static final String UNCHANGED = "unchanged";
    static final String ATTEMPTS_EXHAUSTED = "attempts_exhausted";

    int created;
    int updated;
    final Map<String, Integer> skipped = new LinkedHashMap<>();
    final Map<String, Integer> failed = new LinkedHashMap<>();
    int writtenBack;
    final Map<String, Integer> writeBackRefused = new LinkedHashMap<>();

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void fail(String reason) {
        failed.merge(reason, 1, Integer::sum);
    }

    void writeBackRefused(String reason) {
        writeBackRefused.merge(reason, 1, Integer::sum);
    }
}
