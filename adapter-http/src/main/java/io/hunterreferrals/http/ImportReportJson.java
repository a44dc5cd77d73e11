package io.hunterreferrals.http;

import io.hunterreferrals.core.leadimport.ImportReport;
import java.util.List;

/** What an import did: companies created, lines whose domain was already a lead, and rejected lines with reasons. */
record ImportReportJson(int created, int alreadyPresent, int rejectedCount, List<Rejected> rejected) {

    static ImportReportJson of(ImportReport report) {
        return new ImportReportJson(
                report.created(),
                report.alreadyPresent(),
                report.rejected().size(),
                report.rejected().stream()
                        .map(r -> new Rejected(r.lineNumber(), r.reason()))
                        .toList());
    }

    /** @param line the line in the file, 1 being the header */
    record Rejected(long line, String reason) {}
}
