package io.hunterreferrals.cli;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.query.PageRequest;

/** Parses filter options into core's types; a bad value is a usage error that lists the accepted ones. */
final class Options {

    private Options() {}

    static ReferralCategory category(String value) {
        String label = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (label.equals("unknown")) {
            return ReferralCategory.UNKNOWN; // the CLI's word before JSON shape 2; kept so scripts do not break
        }
        try {
            return ReferralCategory.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw usage("--type", e.getMessage());
        }
    }

    static LinkStatus linkStatus(String value) {
        try {
            return LinkStatus.fromCode(value.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--link-status", e.getMessage());
        }
    }

    static PageRequest page(int limit) {
        if (limit < 1 || limit > PageRequest.MAX_SIZE) {
            throw usage("--limit", "must be between 1 and " + PageRequest.MAX_SIZE + ", was " + limit);
        }
        return new PageRequest(1, limit);
    }

    private static CliException usage(String option, String message) {
        return new CliException(ExitCode.USAGE, "invalid_option", option + ": " + message);
    }
}
