package io.hunterreferrals.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Dataverse faults waiting to fire, oldest first. A request takes at most one delay and one replacement response, so a
 * delay and a 429 can be combined. Thread-safe.
 */
public final class DataverseFaults {

    private final List<DataverseFault> armed = new ArrayList<>();
    private int fired;

    DataverseFaults() {}

    public synchronized void inject(DataverseFault fault) {
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Faults still waiting, with {@code times} showing what is left of each. */
    public synchronized List<DataverseFault> pending() {
        return List.copyOf(armed);
    }

    /** How many times any fault fired since the simulator started. */
    public synchronized int firedCount() {
        return fired;
    }

    synchronized List<DataverseFault> take(DataverseFaultTarget hit) {
        List<DataverseFault> taken = new ArrayList<>();
        boolean delay = false;
        boolean response = false;
        for (int i = 0; i < armed.size(); i++) {
            DataverseFault f = armed.get(i);
            boolean isDelay = f.kind() == DataverseFault.Kind.DELAY;
            if (!f.target().matches(hit) || (isDelay ? delay : response)) {
                continue;
            }
            delay |= isDelay;
            response |= !isDelay;
            taken.add(f);
            fired++;
            if (f.times() == 1) {
                armed.remove(i--);
            } else {
                armed.set(i, f.times(f.times() - 1));
            }
        }
        return taken;
    }
}
