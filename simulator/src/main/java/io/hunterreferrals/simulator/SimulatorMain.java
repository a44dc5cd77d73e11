package io.hunterreferrals.simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point for demos:
 * {@code java -jar simulator.jar --port 8081 --referrals 500 [--seed N] [--auto-approve [POLLS]] [--interval S]
 * [--token-lifetime S] [--host ADDR]}. Runs until interrupted.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PartnerCenterSimulator.Builder b = PartnerCenterSimulator.builder().port(8081).referrals(250);
        Deque<String> in = new ArrayDeque<>(Arrays.asList(args));
        try {
            while (!in.isEmpty()) {
                String arg = in.pop();
                switch (arg) {
                    case "--port" -> b.port(Integer.parseInt(value(in, arg)));
                    case "--host" -> b.host(value(in, arg));
                    case "--referrals" -> b.referrals(Integer.parseInt(value(in, arg)));
                    case "--seed" -> b.seed(Long.parseLong(value(in, arg)));
                    case "--interval" -> b.pollIntervalSeconds(Integer.parseInt(value(in, arg)));
                    case "--token-lifetime" -> b.accessTokenLifetime(java.time.Duration.ofSeconds(Long.parseLong(value(in, arg))));
                    case "--username" -> b.username(value(in, arg));
                    case "--auto-approve" -> {
                        // Optional count: "--auto-approve 3" approves on the third poll; bare flag on the second.
                        String next = in.peek();
                        b.autoApproveAfterPolls(next != null && next.matches("\\d+") ? Integer.parseInt(in.pop()) : 2);
                    }
                    case "--help", "-h" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
        }
        PartnerCenterSimulator sim = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        String base = sim.baseUrl();
        System.out.println("Partner Center simulator on " + base + " with " + sim.referrals().size() + " referrals");
        System.out.println("  authority (via rewriting client): " + sim.authority());
        System.out.println("  referrals:      GET  " + base + PartnerCenterSimulator.REFERRALS_PATH);
        System.out.println("  sign in:        open " + base + DeviceLoginPage.PATH + " or POST " + base + "/_simulator/device/approve[?user_code=...]");
        System.out.println("  faults:         POST " + base + "/_simulator/faults?kind=429|500|503|403|delay|malformed|loop|foreign|reset&times=N");
        System.out.println("  tokens:         POST " + base + "/_simulator/tokens/expire | /_simulator/tokens/revoke");
        System.out.println("  data:           POST " + base + "/_simulator/referrals?count=N | /_simulator/referrals/{id}/status?status=..&substatus=..");
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    private static String value(Deque<String> in, String option) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return in.pop();
    }

    private static void usage() {
        System.err.println("usage: java -jar simulator.jar [--port 8081] [--referrals 250] [--seed 42] [--auto-approve [POLLS]]"
                + " [--interval SECONDS] [--token-lifetime SECONDS] [--username EMAIL] [--host 127.0.0.1]");
    }
}
