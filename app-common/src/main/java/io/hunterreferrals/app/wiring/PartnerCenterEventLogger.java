package io.hunterreferrals.app.wiring;

import io.hunterreferrals.partnercenter.PageEvent;
import io.hunterreferrals.partnercenter.PartnerCenterListener;
import io.hunterreferrals.partnercenter.RetryEvent;
import io.hunterreferrals.partnercenter.RetryReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs what the Referrals client does between pages: {@code partner_center_rate_limit} (with {@code retry_after}, as
 * the runbook's troubleshooting section expects), {@code partner_center_retry} for other retried failures and
 * {@code partner_center_page_fetched} at debug. The events carry only counts, statuses, codes and request ids.
 */
public final class PartnerCenterEventLogger implements PartnerCenterListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.partnercenter.client");

    private final CurrentSyncRun run;

    public PartnerCenterEventLogger(CurrentSyncRun run) {
        this.run = run;
    }

    @Override
    public void onRetry(RetryEvent event) {
        boolean throttled = event.reason() == RetryReason.THROTTLED;
        LoggingEventBuilder builder = event(
                        throttled ? LOG.atWarn() : LOG.atInfo(),
                        throttled ? "partner_center_rate_limit" : "partner_center_retry")
                .addKeyValue("reason", event.reason().name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("page", event.pageNumber())
                .addKeyValue("attempt", event.attempt())
                .addKeyValue("delay_ms", event.delay().toMillis());
        if (throttled) {
            builder.addKeyValue(
                    "retry_after",
                    event.retryAfter().map(d -> Long.toString(d.toSeconds())).orElse("none"));
        }
        builder.addKeyValue(
                        "http_status",
                        event.httpStatus().isPresent()
                                ? Integer.toString(event.httpStatus().getAsInt())
                                : "none")
                .addKeyValue("error_code", event.errorCode().orElse("none"))
                .addKeyValue("request_id", event.requestId().orElse("none"))
                .log();
    }

    @Override
    public void onPage(PageEvent event) {
        event(LOG.atDebug(), "partner_center_page_fetched")
                .addKeyValue("page", event.pageNumber())
                .addKeyValue("page_size", event.records())
                .addKeyValue("unreadable", event.unreadable())
                .addKeyValue(
                        "total_count",
                        event.totalCount().isPresent() ? event.totalCount().getAsLong() : -1)
                .addKeyValue("attempts", event.attempts())
                .addKeyValue("request_id", event.requestId().orElse("none"))
                .log();
    }

    private LoggingEventBuilder event(LoggingEventBuilder builder, String name) {
        return builder.setMessage(name)
                .addKeyValue("source", "partner_center")
                .addKeyValue("task_id", run.runId().map(Object::toString).orElse("none"));
    }
}
