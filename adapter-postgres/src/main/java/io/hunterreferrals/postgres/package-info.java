/**
 * PostgreSQL adapter: the Flyway schema ({@code db/migration}), the database connection
 * ({@link io.hunterreferrals.postgres.Database}, configured by {@link io.hunterreferrals.postgres.DatabaseSettings})
 * with the zero-setup embedded server ({@code EmbeddedServer}), and the jOOQ stores and queries implementing core's
 * ports ({@code Jooq*}). Generated jOOQ classes live in {@code io.hunterreferrals.postgres.jooq}; backups in
 * {@link io.hunterreferrals.postgres.backup}.
 */
package io.hunterreferrals.postgres;
