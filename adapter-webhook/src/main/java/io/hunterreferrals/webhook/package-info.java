/**
 * Notification channels over HTTP, implementing core's {@link io.hunterreferrals.core.notify.NotificationChannel}:
 * {@link io.hunterreferrals.webhook.TeamsWorkflowChannel} (a Microsoft Teams Workflows webhook, an Adaptive Card),
 * {@link io.hunterreferrals.webhook.SlackWebhookChannel} (a Slack incoming webhook, Block Kit) and
 * {@link io.hunterreferrals.webhook.SignedWebhookChannel} (JSON signed with HMAC-SHA256, verified by
 * {@link io.hunterreferrals.webhook.WebhookSignature}).
 *
 * <p>Public entry points: the three channels, their config records, {@link io.hunterreferrals.webhook.HttpTimeouts} and
 * {@link io.hunterreferrals.webhook.WebhookSignature}. Everything else is package-private.
 *
 * <p>Rules for this package: every human text comes from {@link io.hunterreferrals.core.notify.NotificationText}; every
 * value from Partner Center is escaped for the receiver's markup and never put into a URL; a webhook URL is a secret,
 * so only its origin ({@link io.hunterreferrals.core.redaction.Redaction#urlOrigin}) appears in a message, and nothing
 * is logged.
 */
package io.hunterreferrals.webhook;
