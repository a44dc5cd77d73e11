package io.hunterreferrals.core.webhook;

/**
 * Driven port: checks that a call comes from Partner Center (its signature over the raw body, against a certificate
 * fetched only from an allow-listed host and chained to a trusted root) and reads the event it carries. Never throws
 * for anything a caller sent; a reader that cannot reach the certificate says so as a rejection.
 */
public interface WebhookReader {

    WebhookReading read(WebhookCall call);
}
