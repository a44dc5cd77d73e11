package io.hunterreferrals.app.bench;

import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.simulator.RecordedRequest;
import java.util.List;
import java.util.Locale;

/** {@link PushBenchmark}'s figures: one row per pass, with the simulator's requests and the time split by port. */
final class PushBenchTable {

    private PushBenchTable() {}

    /** One timed pass: how long, what the push reported, what the simulator received, where the time went. */
    record Pass(
            String name,
            double seconds,
            PushReport report,
            Requests requests,
            double adapter,
            double due,
            double write,
            double floor) {

        Pass withFloor(double seconds) {
            return new Pass(name, this.seconds, report, requests, adapter, due, write, seconds);
        }

        int written() {
            return report.created() + report.updated();
        }
    }

    /** The simulator's journal of one pass, by kind. */
    record Requests(int token, int currency, int batch, int other) {
        static Requests of(List<RecordedRequest> journal) {
            int token = 0;
            int currency = 0;
            int batch = 0;
            int other = 0;
            for (RecordedRequest r : journal) {
                if (r.path().toLowerCase(Locale.ROOT).endsWith("/oauth2/v2.0/token")) {
                    token++;
                } else if (r.path().endsWith("/transactioncurrencies")) {
                    currency++;
                } else if (BatchFloor.isBatch(r)) {
                    batch++;
                } else {
                    other++;
                }
            }
            return new Requests(token, currency, batch, other);
        }

        int total() {
            return token + currency + batch + other;
        }
    }

    static void print(List<Pass> passes, int batchSize) {
        System.out.printf(
                Locale.ROOT,
                "%nbatch size %d; floor = the pass's own $batch requests replayed by a bare HttpClient%n",
                batchSize);
        String row = "%-26s %8s %11s %8s %5s %5s %6s %5s %8s %8s %8s %8s %8s%n";
        System.out.printf(
                Locale.ROOT,
                row,
                "pass",
                "time",
                "referrals/s",
                "requests",
                "token",
                "curr",
                "$batch",
                "other",
                "floor",
                "÷ floor",
                "adapter",
                "due",
                "writes");
        for (Pass p : passes) {
            Requests r = p.requests();
            System.out.printf(
                    Locale.ROOT,
                    row,
                    p.name(),
                    seconds(p.seconds()),
                    p.written() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", p.written() / p.seconds()),
                    r.total(),
                    r.token(),
                    r.currency(),
                    r.batch(),
                    r.other(),
                    p.floor() == 0 ? "-" : seconds(p.floor()),
                    p.floor() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f x", p.seconds() / p.floor()),
                    seconds(p.adapter()),
                    seconds(p.due()),
                    seconds(p.write()));
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}
