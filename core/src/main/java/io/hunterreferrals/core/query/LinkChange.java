package io.hunterreferrals.core.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The last change of a referral's link: when, and by whom ({@code operator} for a decision made in the UI, API or
 * command line; {@code sync:<run id>} for the run that linked it automatically).
 */
public record LinkChange(Instant at, String by) {

    public LinkChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
