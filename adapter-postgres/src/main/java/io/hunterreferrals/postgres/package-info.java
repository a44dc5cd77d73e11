/**
 * PostgreSQL adapter: the Flyway schema ({@code db/migration}), the database connection ({@link
 * io.hunterreferrals.postgres.Database}, configured by {@link io.hunterreferrals.postgres.DatabaseSettings}) with the
 * zero-setup embedded default, and (later) the jOOQ stores implementing core's ports. Generated jOOQ classes live in
 * {@code io.hunterreferrals.postgres.jooq}.
 */
package io.hunterreferrals.postgres;
