package io.hunterreferrals.http;

import io.hunterreferrals.core.leadimport.CompanyImport;
import io.hunterreferrals.core.leadimport.CompanyRowReader;
import io.hunterreferrals.core.leadimport.ImportReport;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leads with their referral aggregates: the list, the CSV export and the CSV import. */
final class LeadRoutes {

    static final String LIST = "/api/v1/leads";
    static final String EXPORT = "/api/v1/leads/export.csv";
    static final String IMPORT = "/api/v1/leads/import";
    static final String UPLOAD_FIELD = "file";

    private static final Logger LOG = LoggerFactory.getLogger(LeadRoutes.class);

    private final LeadQueries leads;
    private final CompanyImport companyImport;
    private final long maxImportBytes;

    LeadRoutes(LeadQueries leads, CompanyImport companyImport, long maxImportBytes) {
        this.leads = leads;
        this.companyImport = companyImport;
        this.maxImportBytes = maxImportBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(LIST, ctx -> ctx.json(LeadPageJson.of(leads.leads(query(ctx, Params.page(ctx))))));
        routes.get(EXPORT, this::export);
        routes.post(IMPORT, this::importFile);
    }

    private static LeadQuery query(Context ctx, PageRequest page) {
        return new LeadQuery(
                Params.referralType(ctx, false),
                Params.text(ctx, "search", Params.MAX_SEARCH),
                Params.leadSort(ctx),
                page);
    }

    /** Streams every matching lead, so exporting a million leads needs no more memory than one. */
    private void export(Context ctx) throws IOException {
        LeadQuery query = query(ctx, PageRequest.FIRST);
        ctx.status(200);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"leads.csv\"");
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            LeadCsv csv = new LeadCsv(writer);
            csv.header();
            leads.forEachLead(query, csv::lead);
        }
    }

    private void importFile(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxImportBytes) {
            throw LimitedInputStream.tooLarge(maxImportBytes);
        }
        ImportReport report;
        try (InputStream file = upload(ctx)) {
            report = companyImport.importFile(file);
        } catch (RuntimeException e) {
            // The size limit trips inside the reader, which may wrap it (e.g. in an UnreadableFileException).
            ApiError limit = apiErrorIn(e);
            if (limit != null) {
                throw limit;
            }
            if (e instanceof CompanyRowReader.UnreadableFileException) {
                throw ApiError.badRequest("unreadable_file", e.getMessage());
            }
            throw e;
        }
        LOG.atInfo()
                .addKeyValue("created", report.created())
                .addKeyValue("already_present", report.alreadyPresent())
                .addKeyValue("rejected", report.rejected().size())
                .log("lead_import_finished");
        ctx.json(ImportReportJson.of(report));
    }

    private static ApiError apiErrorIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiError error) {
                return error;
            }
        }
        return null;
    }

    /** The CSV: the multipart field {@code file} (a browser form) or else the raw body (curl --data-binary). */
    private InputStream upload(Context ctx) throws IOException {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        InputStream body;
        if (contentType.startsWith("multipart/form-data")) {
            body = multipartFile(ctx);
        } else {
            body = new LimitedInputStream(ctx.req().getInputStream(), maxImportBytes);
        }
        PushbackInputStream stream = new PushbackInputStream(body, 1);
        int first = stream.read();
        if (first < 0) {
            throw ApiError.badRequest(
                    "empty_file",
                    "The upload is empty. Send the CSV (header: domain,name,country) "
                            + "as the request body, or as a multipart field named '" + UPLOAD_FIELD + "'.");
        }
        stream.unread(first);
        return stream;
    }

    private InputStream multipartFile(Context ctx) {
        List<UploadedFile> files;
        try {
            UploadedFile named = ctx.uploadedFile(UPLOAD_FIELD);
            files = named != null ? List.of(named) : ctx.uploadedFiles();
        } catch (Exception e) {
            // Jetty refuses parts over the configured multipart limits; anything else is a broken form. Exception, not
            // RuntimeException: Javalin rethrows Jetty's checked ServletException ("bad multipart") undeclared.
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size")
                    || (e.getCause() != null
                            && String.valueOf(e.getCause().getMessage())
                                    .toLowerCase(Locale.ROOT)
                                    .contains("size"))) {
                throw LimitedInputStream.tooLarge(maxImportBytes);
            }
            throw ApiError.badRequest("malformed_upload", "The multipart form could not be read.");
        }
        if (files.isEmpty()) {
            throw ApiError.badRequest(
                    "empty_file", "The form has no file; send the CSV in a field named '" + UPLOAD_FIELD + "'.");
        }
        if (files.size() > 1) {
            throw ApiError.badRequest("too_many_files", "Send one CSV file per import.");
        }
        return new LimitedInputStream(files.getFirst().content(), maxImportBytes);
    }
}
