package io.hunterreferrals.app.config;

/** {@code HUNTER_ENVIRONMENT}: development shortens the sync interval; production logs JSON. */
public enum Environment {
    DEVELOPMENT,
    PRODUCTION
}
