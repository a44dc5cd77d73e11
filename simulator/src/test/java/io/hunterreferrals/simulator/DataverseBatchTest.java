package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code $batch} as execute-batch-operations-using-web-api.md shows it, framing byte for byte (CRLF). */
class DataverseBatchTest {

    private static final String BATCH = "batch_80dd1615";
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    private DataverseSimulator sim;
    private DataverseClient api;

    @BeforeEach
    void start() {
        sim = DataverseSimulator.builder().build().start();
        api = new DataverseClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** One application/http part; {@code contentId} may be null. */
    private static String part(String boundary, String contentId, String method, String url, String json) {
        StringBuilder sb = new StringBuilder();
        sb.append("--").append(boundary).append("\r\n");
        sb.append("Content-Type: application/http\r\n");
        sb.append("Content-Transfer-Encoding: binary\r\n");
        if (contentId != null) {
            sb.append("Content-ID: ").append(contentId).append("\r\n");
        }
        sb.append("\r\n");
        sb.append(method).append(' ').append(url).append(" HTTP/1.1\r\n");
        if (json != null) {
            sb.append("Content-Type: application/json; type=entry\r\n\r\n")
                    .append(json)
                    .append("\r\n");
        } else {
            sb.append("\r\n\r\n");
        }
        return sb.toString();
    }

    private String upsert(String boundary, String contentId, String referralId, String json) {
        String url = "/api/data/v9.2/leads(hnt_partnercenterreferralid='" + referralId + "')";
        return part(boundary, contentId, "PATCH", url, json);
    }

    private String threeWithTheMiddleOneBad() {
        return upsert(BATCH, "1", "b-1", "{\"subject\":\"one\"}")
                + upsert(BATCH, "2", "b-2", "{\"subjet\":\"typo\"}")
                + upsert(BATCH, "3", "b-3", "{\"subject\":\"three\"}")
                + "--" + BATCH + "--\r\n";
    }

    private static List<Integer> statuses(String body) {
        List<Integer> out = new ArrayList<>();
        Matcher m = STATUS.matcher(body);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void withoutContinueOnErrorTheBatchStopsAtTheFirstFailureAndAnswersWithItAlone() {
        Http.Response r = api.batch(BATCH, threeWithTheMiddleOneBad());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("multipart/mixed; boundary=batchresponse_");
        assertThat(statuses(r.body())).containsExactly(400);
        assertThat(r.body())
                .contains("Content-ID: 2\r\n")
                .contains("\"code\":\"0x80060888\"")
                .contains("REQ_ID: ");
        // Requests run in order: the first was done before the failure, the third never ran.
        assertThat(sim.leads().byReferralId("b-1")).isPresent();
        assertThat(sim.leads().byReferralId("b-3")).isEmpty();
    }

    @Test
    void withContinueOnErrorEveryRequestGetsItsPartInOrderWithItsContentId() {
        Http.Response r = api.batch(BATCH, threeWithTheMiddleOneBad(), "Prefer", "odata.continue-on-error");

        assertThat(r.status()).isEqualTo(200);
        assertThat(statuses(r.body())).containsExactly(204, 400, 204);
        String boundary = r.header("Content-Type").substring("multipart/mixed; boundary=".length());
        assertThat(r.body())
                .startsWith("--" + boundary + "\r\nContent-Type: application/http\r\n"
                        + "Content-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nHTTP/1.1 204 No Content\r\n");
        assertThat(r.body()).endsWith("--" + boundary + "--\r\n");
        assertThat(r.body().indexOf("Content-ID: 1")).isLessThan(r.body().indexOf("Content-ID: 2"));
        assertThat(r.body().indexOf("Content-ID: 2")).isLessThan(r.body().indexOf("Content-ID: 3"));
        assertThat(r.body())
                .contains("OData-EntityId: " + sim.serviceRoot() + "leads(hnt_partnercenterreferralid='b-3')");
        assertThat(sim.leads().size()).isEqualTo(2);
    }

    @Test
    void aChangeSetIsAtomic() {
        String cs = "changeset_246e6bfe";
        String body = "--" + BATCH + "\r\nContent-Type: multipart/mixed; boundary=\"" + cs + "\"\r\n\r\n"
                + upsert(cs, "1", "c-1", "{\"subject\":\"one\"}")
                + upsert(cs, "2", "c-2", "{\"subject\":\"" + "x".repeat(301) + "\"}")
                + "--" + cs + "--\r\n"
                + part(BATCH, null, "GET", "leads?$select=leadid", null)
                + "--" + BATCH + "--\r\n";

        Http.Response r = api.batch(BATCH, body, "Prefer", "odata.continue-on-error");

        assertThat(r.status()).isEqualTo(200);
        assertThat(statuses(r.body())).containsExactly(400, 200);
        assertThat(r.body()).contains("0x80044331").contains("\"value\":[]");
        assertThat(sim.leads().size()).isZero();
        assertThat(sim.leads().createdCount()).isZero();
    }

    @Test
    void aSuccessfulChangeSetAnswersWithAChangeSetResponse() {
        String cs = "changeset_ok";
        String body = "--" + BATCH + "\r\nContent-Type: multipart/mixed; boundary=" + cs + "\r\n\r\n"
                + upsert(cs, "1", "d-1", "{\"subject\":\"one\"}")
                + part(cs, "2", "PATCH", "$1", "{\"subject\":\"one, edited via $1\"}")
                + "--" + cs + "--\r\n"
                + "--" + BATCH + "--\r\n";

        Http.Response r = api.batch(BATCH, body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("Content-Type: multipart/mixed; boundary=changesetresponse_");
        assertThat(statuses(r.body())).containsExactly(204, 204);
        assertThat(r.body()).contains("Content-ID: 1").contains("Content-ID: 2");
        assertThat(sim.leads().byReferralId("d-1").orElseThrow().column("subject"))
                .isEqualTo("one, edited via $1");
    }

    @Test
    void representationAndReadsInsideABatch() {
        String body = part(BATCH, null, "PATCH", "leads(hnt_partnercenterreferralid='e-1')?$select=leadid", "{}")
                        .replace("HTTP/1.1\r\n", "HTTP/1.1\r\nPrefer: return=representation\r\n")
                + part(
                        BATCH,
                        null,
                        "GET",
                        sim.serviceRoot() + "leads(hnt_partnercenterreferralid='e-1')?$select=leadid",
                        null)
                + "--" + BATCH + "--\r\n";

        Http.Response r = api.batch(BATCH, body);

        assertThat(statuses(r.body())).containsExactly(201, 200);
        String leadId = sim.leads().byReferralId("e-1").orElseThrow().leadId().toString();
        assertThat(r.body().split("\"leadid\":\"" + leadId + "\"", -1)).hasSize(3);
    }

    @Test
    void refusedBatches() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= DataverseBatchEndpoint.MAX_REQUESTS; i++) {
            many.append(upsert(BATCH, null, "m-" + i, "{}"));
        }
        many.append("--").append(BATCH).append("--\r\n");

        Http.Response tooMany = api.batch(BATCH, many.toString());
        Http.Response bareLf = api.batch(BATCH, threeWithTheMiddleOneBad().replace("\r\n", "\n"));
        Http.Response getInChangeSet = api.batch(
                BATCH,
                "--" + BATCH + "\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n"
                        + part("cs", null, "GET", "leads", null) + "--cs--\r\n--" + BATCH + "--\r\n");
        Http.Response notMultipart = api.post("$batch", "{}");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(sim.leads().size()).isZero();
        assertThat(bareLf.status()).isEqualTo(400);
        assertThat(bareLf.json().path("error").path("message").asText()).contains("CRLF");
        assertThat(getInChangeSet.status()).isEqualTo(400);
        assertThat(notMultipart.status()).isEqualTo(400);
    }
}
