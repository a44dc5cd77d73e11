/**
 * The e-mail notification channel, implementing core's {@link io.hunterreferrals.core.notify.NotificationChannel} over
 * SMTP with Eclipse Angus Mail: {@link io.hunterreferrals.smtp.SmtpNotificationChannel}, configured by
 * {@link io.hunterreferrals.smtp.SmtpConfig} and {@link io.hunterreferrals.smtp.SmtpSecurity}. Everything else is
 * package-private.
 *
 * <p>Rules for this package: every human text comes from {@link io.hunterreferrals.core.notify.NotificationText}; every
 * value is HTML-escaped ({@link io.hunterreferrals.smtp.Html}) in the HTML part; no message, exception text or
 * {@code toString()} carries the password or an e-mail address; nothing is logged.
 */
package io.hunterreferrals.smtp;
