package io.hunterreferrals.simulator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Faults waiting to fire. Each injected {@link Fault} hits the next {@code times} matching requests, oldest fault
 * first; a request takes at most one fault of each sort (a delay, a replacement response, a page tampering), so a delay
 * and a 429 can be combined. Thread-safe.
 */
public final class SimulatedFaults {

    private final List<Fault> armed = new ArrayList<>();
    private int fired;

    SimulatedFaults() {}

    public synchronized void inject(Fault fault) {
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Faults still waiting, with {@code times} showing what is left of each. */
    public synchronized List<Fault> pending() {
        return List.copyOf(armed);
    }

    /** How many times any fault fired since the simulator started. */
    public synchronized int firedCount() {
        return fired;
    }

    synchronized List<Fault> take(Endpoint endpoint, Integer listPage) {
        List<Fault> taken = new ArrayList<>();
        Set<Sort> seen = EnumSet.noneOf(Sort.class);
        for (int i = 0; i < armed.size(); i++) {
            Fault f = armed.get(i);
            if (!f.matches(endpoint, listPage) || !seen.add(Sort.of(f.kind()))) {
                continue;
            }
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

    private enum Sort {
        DELAY,
        RESPONSE,
        PAGE;

        static Sort of(Fault.Kind kind) {
            if (kind == Fault.Kind.DELAY) {
                return DELAY;
            }
            return kind.tampersWithPage() ? PAGE : RESPONSE;
        }
    }
}
