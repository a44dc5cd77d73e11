/**
 * Referral events and their delivery: what happened ({@link io.hunterreferrals.core.notify.EventType}), the rule that
 * derives events from a sync's writes and an operator's decisions
 * ({@link io.hunterreferrals.core.notify.ReferralEvents}), the transactional outbox they are written to
 * ({@link io.hunterreferrals.core.notify.Outbox}), and the channels that carry them to people and systems
 * ({@link io.hunterreferrals.core.notify.NotificationChannel}). See docs/adr/0014.
 */
package io.hunterreferrals.core.notify;
