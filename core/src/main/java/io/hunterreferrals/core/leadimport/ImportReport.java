package io.hunterreferrals.core.leadimport;

import java.util.List;
import java.util.Objects;

/**
 * The result of importing a companies file. Importing the same file again creates nothing.
 *
 * @param created companies the import created
 * @param alreadyPresent lines whose domain was already a company (left unchanged)
 * @param rejected lines not imported, with their line number and reason
 */
public record ImportReport(int created, int alreadyPresent, List<RejectedLine> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A line that was not imported; {@code reason} is for the operator. */
    public record RejectedLine(long lineNumber, String reason) {
        public RejectedLine {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
