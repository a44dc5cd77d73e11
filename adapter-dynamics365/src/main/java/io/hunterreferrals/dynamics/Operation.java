package io.hunterreferrals.dynamics;

/** What a request is for: the privileges it needs differ, and so does the fix an operator is told. */
enum Operation {
    /** Upserting leads and reading currencies: the application user's own role. */
    PUSH,
    /** Reading and creating columns and the alternate key: a customizer's role. */
    SETUP
}
