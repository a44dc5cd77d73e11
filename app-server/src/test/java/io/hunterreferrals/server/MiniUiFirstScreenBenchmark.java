package io.hunterreferrals.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness, not a test (docs/benchmarks.md, "Web UI first screen"): opens {@code /mini-ui/} of a running
 * server (HttpBenchmarkServer: 1 M companies, 200 k referrals) in headless Chromium, cold (a fresh profile each time)
 * and warm (a reload with the cache), and reads the page's own timings: DOMContentLoaded, the {@code GET /api/v1/leads}
 * answer (the floor: the UI cannot show the leads before the API has sent them) and the {@code hunter:leads-rendered}
 * mark, when the table of 50 leads is in the page.
 *
 * <p>Arguments: {@code [port] [runs]}, default {@code 8000 10}.
 */
public final class MiniUiFirstScreenBenchmark {

    private static final String TIMINGS = """
            const nav = performance.getEntriesByType('navigation')[0];
            const api = performance.getEntriesByType('resource').find(e => e.name.includes('/api/v1/leads'));
            const mark = performance.getEntriesByName('hunter:leads-rendered')[0];
            return {dcl: nav.domContentLoadedEventEnd, apiEnd: api.responseEnd, api: api.duration,
                    rendered: mark.startTime};""";

    private MiniUiFirstScreenBenchmark() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Map<String, Number>> cold = new ArrayList<>();
        List<Map<String, Number>> warm = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            try (Browser browser = Browser.open(port, "en")) {
                browser.go("/mini-ui/");
                browser.find("#leads-table");
                Map<String, Number> first = timings(browser);
                browser.reload();
                browser.find("#leads-table");
                Map<String, Number> second = timings(browser);
                if (i > 0) { // the first browser start warms the JIT and the database caches
                    cold.add(first);
                    warm.add(second);
                }
            }
        }
        report("cold", cold);
        report("warm", warm);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> timings(Browser browser) {
        browser.until(d -> Boolean.TRUE.equals(
                browser.script("return performance.getEntriesByName('hunter:leads-rendered').length > 0")));
        return (Map<String, Number>) browser.script(TIMINGS);
    }

    private static void report(String label, List<Map<String, Number>> runs) {
        double rendered = median(runs, "rendered");
        double apiEnd = median(runs, "apiEnd");
        System.out.printf(
                "RESULT %s runs=%d dom_content_loaded_ms=%.0f leads_api_ms=%.0f leads_api_end_ms=%.0f "
                        + "leads_rendered_ms=%.0f rendered_over_api_end=%.2f%n",
                label, runs.size(), median(runs, "dcl"), median(runs, "api"), apiEnd, rendered, rendered / apiEnd);
    }

    private static double median(List<Map<String, Number>> runs, String key) {
        List<Double> values =
                runs.stream().map(r -> r.get(key).doubleValue()).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
