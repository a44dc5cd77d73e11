package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {

    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final ApiFixture api = ApiFixture.start(
            HttpApi.Role.API,
            b -> b.apiKeys(ApiKeys.fromSetting(ApiFixture.KEY))
                    .requestObserver(
                            (method, route, status, duration) -> observed.add(method + " " + route + " " + status)));
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("io.hunterreferrals.http"));

    @BeforeEach
    void capture() {
        appender.start();
        loggers.forEach(l -> l.addAppender(appender));
    }

    @AfterEach
    void stop() {
        loggers.forEach(l -> l.detachAppender(appender));
        api.close();
    }

    @Test
    void oneLinePerRequestWithTheRouteTemplateAndNoPersonalDataOrKeys() throws InterruptedException {
        api.withReferrals(io.hunterreferrals.core.testing.TestReferrals.aReferral("r-secret-1")
                .build());
        api.post(
                "/api/v1/partner-center/referrals/r-secret-1/link",
                "{\"lead_domain\": \"ayse.yilmaz@gmail.com\"}",
                "X-API-Key",
                ApiFixture.KEY,
                "X-Request-Id",
                "req-12345");
        api.get("/api/v1/partner-center/referrals?search=Ay%C5%9Fe", "Authorization", "Bearer " + ApiFixture.KEY);

        List<ILoggingEvent> lines = awaitAccessLines(2);
        ILoggingEvent link = lines.getFirst();
        // The event name is the message; the facts are key-value pairs (the console pattern and JSON both print them).
        assertThat(link.getFormattedMessage()).isEqualTo("http_request");
        assertThat(link.getKeyValuePairs())
                .extracting(kv -> kv.key)
                .containsExactly("method", "route", "status", "duration_ms", "request_id");
        assertThat(link.getKeyValuePairs())
                .extracting(kv -> String.valueOf(kv.value))
                .contains("POST", "/api/v1/partner-center/referrals/{id}/link", "400", "req-12345");
        assertThat(lines.get(1).getKeyValuePairs())
                .extracting(kv -> String.valueOf(kv.value))
                .contains("/api/v1/partner-center/referrals", "200");
        String everything = String.join(
                "\n",
                appender.list.stream()
                        .map(e -> e.getFormattedMessage() + e.getKeyValuePairs())
                        .toList());
        assertThat(everything).doesNotContain("gmail", "ayse", "Ayşe", "r-secret-1", ApiFixture.KEY);
        assertThat(observed).contains("POST /api/v1/partner-center/referrals/{id}/link 400");
    }

    @Test
    void unmatchedPathsAreLoggedWithoutThePath() throws InterruptedException {
        api.get("/healthz/../etc/passwd-or-whatever");
        api.get("/no/such/thing");

        assertThat(awaitAccessLines(2)).last().satisfies(e -> {
            assertThat(e.getKeyValuePairs())
                    .extracting(kv -> String.valueOf(kv.value))
                    .contains("unmatched", "404");
            assertThat(e.getFormattedMessage() + e.getKeyValuePairs()).doesNotContain("such");
        });
    }

    /** The request logger runs after the response is sent, so the client may see the answer first. */
    private List<ILoggingEvent> awaitAccessLines(int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ILoggingEvent> lines = appender.list.stream()
                    .filter(e -> e.getLoggerName().equals("io.hunterreferrals.http.access"))
                    .toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " access lines, got " + appender.list);
    }
}
