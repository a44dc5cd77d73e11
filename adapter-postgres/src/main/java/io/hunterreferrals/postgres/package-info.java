/** PostgreSQL adapter: Flyway schema, jOOQ stores and queries, the embedded default database. Placeholder until its issue lands. */
package io.hunterreferrals.postgres;
