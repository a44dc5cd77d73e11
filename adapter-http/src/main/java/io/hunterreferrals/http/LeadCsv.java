package io.hunterreferrals.http;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.referral.ReferralId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes leads as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or line breaks quoted and quotes
 * doubled), starting with a UTF-8 byte-order mark so Excel opens Turkish names (Ş, ğ, İ) correctly.
 */
final class LeadCsv {

    static final char BOM = '\uFEFF';
    static final List<String> COLUMNS = List.of(
            "lead_id",
            "domain",
            "name",
            "country",
            "source",
            "created_at",
            "referral_type",
            "link_status",
            "referral_count",
            "referral_types",
            "primary_referral_id");

    private final Writer out;

    LeadCsv(Writer out) {
        this.out = out;
    }

    void header() {
        write(String.valueOf(BOM));
        row(COLUMNS);
    }

    void lead(LeadSummary lead) {
        row(List.of(
                Long.toString(lead.id().value()),
                lead.domain().value(),
                lead.name(),
                nullToEmpty(lead.country()),
                lead.source().code(),
                lead.createdAt() == null ? "" : lead.createdAt().toString(),
                lead.primaryReferralType().flatMap(ReferralCategory::code).orElse(""),
                lead.linkStatus().code(),
                Integer.toString(lead.referralCount()),
                String.join(",", LeadJson.codes(lead.referralTypes())),
                lead.primaryReferral().map(ReferralId::value).orElse("")));
    }

    private void row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        write(line.append("\r\n").toString());
    }

    static String field(String value) {
        String text = defuseFormula(value);
        boolean quote = text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * A company name such as {@code =HYPERLINK(...)} would run as a formula when the file is opened in Excel (CSV
     * injection); a leading apostrophe makes Excel show it as text. Names come from Partner Center and imports, so they
     * are not trusted.
     */
    private static String defuseFormula(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
