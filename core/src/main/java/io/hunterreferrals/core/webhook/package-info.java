/**
 * Partner Center's referral webhooks, taken as hints (docs/adr/0015): a signed call names a referral that changed
 * ({@link io.hunterreferrals.core.webhook.WebhookReader}), the hint waits on a durable queue
 * ({@link io.hunterreferrals.core.webhook.HintQueue}), and a worker reads each named referral again through the same
 * rules as the sync ({@link io.hunterreferrals.core.webhook.ApplyHints}). The scheduled sync stays the safety net. The
 * one registration a partner tenant has is looked after by {@link io.hunterreferrals.core.webhook.RegisterWebhook}.
 */
package io.hunterreferrals.core.webhook;
