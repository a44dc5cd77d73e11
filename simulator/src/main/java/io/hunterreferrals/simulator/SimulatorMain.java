package io.hunterreferrals.simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point for demos: {@code java -jar simulator.jar --port 8081 --referrals 500 [--seed N]
 * [--auto-approve [POLLS]] [--interval S] [--token-lifetime S] [--page-latency-ms N] [--host ADDR] [--dataverse-port
 * 8082 [--dataverse-setup ready|columns|empty]]}. With {@code --dataverse-port} a {@link DataverseSimulator} runs
 * beside the Partner Center one, on its own port. Runs until interrupted.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        PartnerCenterSimulator.Builder b =
                PartnerCenterSimulator.builder().port(8081).referrals(250);
        DataverseSimulatorBuilder dataverse = DataverseSimulator.builder();
        Integer dataversePort = null;
        Deque<String> in = new ArrayDeque<>(Arrays.asList(args));
        try {
            while (!in.isEmpty()) {
                String arg = in.pop();
                switch (arg) {
                    case "--port" -> b.port(Integer.parseInt(value(in, arg)));
                    case "--host" -> {
                        String host = value(in, arg);
                        b.host(host);
                        dataverse.host(host);
                    }
                    case "--referrals" -> b.referrals(Integer.parseInt(value(in, arg)));
                    case "--seed" -> {
                        long seed = Long.parseLong(value(in, arg));
                        b.seed(seed);
                        dataverse.seed(seed);
                    }
                    case "--dataverse-port" -> dataversePort = Integer.parseInt(value(in, arg));
                    case "--dataverse-setup" ->
                        dataverse.setup(DataverseSimulatorBuilder.Setup.valueOf(
                                value(in, arg).toUpperCase(java.util.Locale.ROOT)));
                    case "--interval" -> b.pollIntervalSeconds(Integer.parseInt(value(in, arg)));
                    case "--token-lifetime" ->
                        b.accessTokenLifetime(java.time.Duration.ofSeconds(Long.parseLong(value(in, arg))));
                    case "--username" -> b.username(value(in, arg));
                    case "--page-latency-ms" ->
                        b.pageLatency(java.time.Duration.ofMillis(Long.parseLong(value(in, arg))));
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
        DataverseSimulator dv = dataversePort == null
                ? null
                : dataverse.port(dataversePort).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sim.close();
                            if (dv != null) {
                                dv.close();
                            }
                            stopped.countDown();
                        },
                        "simulator-shutdown"));
        String base = sim.baseUrl();
        System.out.println("Partner Center simulator on " + base + " with "
                + sim.referrals().size() + " referrals");
        System.out.println("  authority (via rewriting client): " + sim.authority());
        System.out.println("  referrals:      GET  " + base + PartnerCenterSimulator.REFERRALS_PATH);
        System.out.println("  sign in:        open " + base + DeviceLoginPage.PATH + " or POST " + base
                + "/_simulator/device/approve[?user_code=...]");
        System.out.println("  faults:         POST " + base
                + "/_simulator/faults?kind=429|500|503|403|delay|malformed|loop|foreign|reset&times=N");
        System.out.println("  tokens:         POST " + base + "/_simulator/tokens/expire | /_simulator/tokens/revoke");
        System.out.println("  data:           POST " + base
                + "/_simulator/referrals?count=N | /_simulator/referrals/{id}/status?status=..&substatus=..");
        System.out.println("  webhooks:       GET|POST|PUT " + base + "/webhooks/v1/registration (token scope "
                + PartnerCenterSimulator.WEBHOOK_SCOPE + "), signing cert " + sim.webhookCertificateUrl());
        System.out.println("  webhook levers: GET " + base + "/_simulator/webhooks/deliveries | POST"
                + " /_simulator/webhooks/pause|resume|resend-last | POST|DELETE /_simulator/webhooks/registration");
        if (dv != null) {
            printDataverse(dv);
        }
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    private static void printDataverse(DataverseSimulator dv) {
        String base = dv.baseUrl();
        System.out.println("Dataverse simulator on " + base + " (lead table: key " + dv.keyColumn() + ", "
                + dv.metadata().referralKeyStatus().map(Enum::name).orElse("no key yet") + ")");
        System.out.println("  settings (names as the adapter will define them):");
        System.out.println("    HUNTER_DYNAMICS_URL=" + base);
        System.out.println("    HUNTER_DYNAMICS_TENANT_ID=" + dv.tenantId());
        System.out.println("    HUNTER_DYNAMICS_CLIENT_ID=" + dv.clientId());
        System.out.println("    HUNTER_DYNAMICS_CLIENT_SECRET=" + dv.clientSecret());
        System.out.println("  token:          POST " + dv.authority() + "oauth2/v2.0/token (scope " + dv.scope()
                + " or " + base + "/.default; MSAL: https authority + rewriting IHttpClient)");
        System.out.println("  Web API:        " + dv.serviceRoot() + "  (WhoAmI, leads, $batch, EntityDefinitions...)");
        System.out.println("  faults:         POST " + base + "/_simulator/faults?kind=429|503|403-user|403-privilege"
                + "|duplicate|delay|expired-secret&target=...&times=N");
        System.out.println("  levers:         GET " + base + "/_simulator/leads | POST /_simulator/leads/{id}/state"
                + "?statecode=1&statuscode=3 | POST /_simulator/tokens/expire | POST /_simulator/reset");
    }

    private static String value(Deque<String> in, String option) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return in.pop();
    }

    private static void usage() {
        System.err.println(
                "usage: java -jar simulator.jar [--port 8081] [--referrals 250] [--seed 42] [--auto-approve [POLLS]]"
                        + " [--interval SECONDS] [--token-lifetime SECONDS] [--page-latency-ms N] [--username EMAIL]"
                        + " [--host 127.0.0.1]"
                        + " [--dataverse-port 8082 [--dataverse-setup ready|columns|empty]]");
    }
}
