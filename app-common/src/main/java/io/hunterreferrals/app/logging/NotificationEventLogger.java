package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery worker's structured log events: {@code notification_routed}, {@code notification_delivered} (debug),
 * {@code notification_failed} (warn; {@code dead=true} when it went to the dead letters) and
 * {@code notification_purged}. Only channel names, counts, codes and request ids are logged: never a message's content
 * (company names, deal values), a recipient, or a webhook URL, whose path is its secret; a failure's message is written
 * by the channels without either.
 */
public final class NotificationEventLogger implements DeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.notify");

    @Override
    public void routed(int events) {
        LOG.atDebug()
                .setMessage("notification_routed")
                .addKeyValue("events", events)
                .log();
    }

    @Override
    public void delivered(String channel, int notifications, Duration took) {
        LOG.atDebug()
                .setMessage("notification_delivered")
                .addKeyValue("channel", channel)
                .addKeyValue("notifications", notifications)
                .addKeyValue("duration_ms", took.toMillis())
                .log();
    }

    @Override
    public void failed(String channel, int notifications, DeliveryFailure failure, boolean dead) {
        LOG.atWarn()
                .setMessage("notification_failed")
                .addKeyValue("channel", channel)
                .addKeyValue("notifications", notifications)
                .addKeyValue("error_code", failure.code().code())
                .addKeyValue("error", failure.message())
                .addKeyValue("request_id", failure.requestId().orElse("none"))
                .addKeyValue("dead", dead)
                .log();
    }

    @Override
    public void purged(int events) {
        LOG.atInfo()
                .setMessage("notification_purged")
                .addKeyValue("events", events)
                .log();
    }
}
