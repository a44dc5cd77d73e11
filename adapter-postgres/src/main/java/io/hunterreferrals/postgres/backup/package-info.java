/**
 * {@code hunter db backup} and {@code db restore}: pg_dump and psql of the server's major version, a backup verified by
 * a restore into a scratch database, and the one mapping of the product's JDBC settings to libpq's
 * ({@link io.hunterreferrals.postgres.backup.PgClientConnection}). ADR 0011.
 */
package io.hunterreferrals.postgres.backup;
