package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static io.hunterreferrals.http.HostileRequests.assertRefusedCleanlyOrServed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.testing.DomainLikeTexts;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.PropertyCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CSV imports, raw and as multipart forms, with hostile cells, broken quoting, wrong headers, invalid UTF-8, binary
 * garbage, broken multipart framing and files over the limit: a report (200), a 400 or a 413, never a 500.
 */
class BadImportFilesTest {

    static final int TRIES = 250;
    static final int MAX_IMPORT_BYTES = 64 * 1024;
    private static final String BOUNDARY = "----hostile7d1f";

    private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.maxImportBytes(MAX_IMPORT_BYTES));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anyUploadIsAReportA400OrA413() {
        PropertyCheck.forAll(TRIES, 61L, BadImportFilesTest::upload, upload -> {
            // One connection per upload: a refused upload may be answered before it is read, and the server then
            // closes the connection, which a pooling client would otherwise reuse for the next try.
            ApiFixture.Response response =
                    RawHttp.post(api.app.port(), LeadRoutes.IMPORT, upload.contentType(), upload.body());

            assertRefusedCleanlyOrServed(response, List.of(200, 400, 413));
            if (response.status() == 200) {
                assertThat(response.json().path("rejected").isArray())
                        .as(response::toString)
                        .isTrue();
            }
        });
    }

    @Test
    void aBrokenMultipartFormIsA400() {
        // Was a 500: Javalin rethrew Jetty's checked ServletException ("bad multipart"), which the route did not catch.
        byte[] unterminated = ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
                        + "domain,name,country\ncontoso.com.tr,Contoso,TR\r\n")
                .getBytes(StandardCharsets.UTF_8);

        ApiFixture.Response response = RawHttp.post(
                api.app.port(), LeadRoutes.IMPORT, "multipart/form-data; boundary=" + BOUNDARY, unterminated);

        assertThat(response.status()).as(response::toString).isEqualTo(400);
        HostileRequests.assertErrorJson(response);
        assertThat(response.errorCode()).isEqualTo("malformed_upload");
    }

    private record Upload(String contentType, byte[] body) {
        @Override
        public String toString() {
            return contentType + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Upload upload(SplittableRandom r) {
        byte[] csv = csv(r);
        return switch (r.nextInt(4)) {
            case 0 -> new Upload("multipart/form-data; boundary=" + BOUNDARY, multipart(r, csv));
            case 1 -> new Upload(pick(List.of("application/octet-stream", "text/plain", "application/json"), r), csv);
            default -> new Upload("text/csv", csv);
        };
    }

    /** A header (right, wrong or missing) and rows of hostile cells; now and then garbage or a file over the limit. */
    private static byte[] csv(SplittableRandom r) {
        switch (r.nextInt(12)) {
            case 0 -> {
                byte[] garbage = new byte[r.nextInt(500)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) r.nextInt(256);
                }
                return garbage;
            }
            case 1 -> {
                return ("domain,name,country\n" + "contoso.com.tr,Contoso,TR\n".repeat(MAX_IMPORT_BYTES / 20))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                String newline = pick(List.of("\n", "\r\n", "\r"), r);
                StringBuilder text = new StringBuilder(pick(
                        List.of(
                                "domain,name,country",
                                "\ufeffdomain,name,country",
                                "Domain;Name;Country",
                                "name,domain",
                                "",
                                "\"domain\",\"name\",\"country\"",
                                "domain"),
                        r));
                for (int i = r.nextInt(15); i > 0; i--) {
                    text.append(newline).append(cell(r)).append(',').append(cell(r));
                    if (r.nextBoolean()) {
                        text.append(',').append(cell(r));
                    }
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                return r.nextInt(8) == 0 ? withInvalidUtf8(bytes, r) : bytes;
            }
        }
    }

    private static String cell(SplittableRandom r) {
        String value = r.nextBoolean() ? DomainLikeTexts.any(r) : HostileStrings.upTo(r, 300);
        return switch (r.nextInt(4)) {
            case 0 -> "\"" + value.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + value; // an unclosed quote
            default -> value.replace("\n", " ").replace("\r", " ");
        };
    }

    private static byte[] withInvalidUtf8(byte[] bytes, SplittableRandom r) {
        byte[] out = bytes.clone();
        if (out.length > 0) {
            out[r.nextInt(out.length)] =
                    (byte) pick(List.of(0xFF, 0xC0, 0xED, 0x80, 0x00), r).intValue();
        }
        return out;
    }

    private static byte[] multipart(SplittableRandom r, byte[] csv) {
        String field = pick(List.of("file", "file", "file", "upload", ""), r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int files = r.nextInt(6) == 0 ? 2 : 1;
        for (int i = 0; i < files; i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                            + "\"; filename=\"leads.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(csv);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        switch (r.nextInt(5)) {
            case 0 -> {} // no closing boundary
            case 1 -> out.writeBytes(("--other-boundary--\r\n").getBytes(StandardCharsets.UTF_8));
            default -> out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
