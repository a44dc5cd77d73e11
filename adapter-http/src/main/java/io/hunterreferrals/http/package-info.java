/** HTTP adapter: Javalin routes over core use cases and queries. Placeholder until its issue lands. */
package io.hunterreferrals.http;
