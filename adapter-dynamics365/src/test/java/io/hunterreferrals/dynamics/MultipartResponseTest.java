package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading {@code $batch} responses in the shapes the batch doc shows, and some a proxy might make of them. */
class MultipartResponseTest {

    private static final String CREATED =
            "HTTP/1.1 201 Created\r\nContent-Type: application/json; odata.metadata=minimal\r\n"
                    + "OData-Version: 4.0\r\n\r\n{\"leadid\":\"5b4a6c2e-0000-4000-8000-000000000001\"}\r\n";

    @Test
    void theBoundaryComesFromTheContentTypeQuotedOrNot() {
        assertThat(MultipartResponse.boundary("multipart/mixed; boundary=batchresponse_1"))
                .contains("batchresponse_1");
        assertThat(MultipartResponse.boundary("Multipart/Mixed;Boundary=\"batchresponse_2\"; charset=utf-8"))
                .contains("batchresponse_2");
        assertThat(MultipartResponse.boundary("application/json")).isEmpty();
        assertThat(MultipartResponse.boundary(null)).isEmpty();
    }

    @Test
    void partsAreReadInOrderWithStatusHeadersBodyAndContentId() {
        String body =
                "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
                        + CREATED
                        + "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                        + "HTTP/1.1 400 Bad Request\r\nREQ_ID: 9a1b\r\n\r\n{\"error\":{\"code\":\"0x80044331\",\"message\":\"too long\"}}\r\n"
                        + "--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n"
                        + "OData-EntityId: https://x/api/data/v9.2/leads(5b4a6c2e-0000-4000-8000-000000000002)\r\n\r\n\r\n"
                        + "--b--\r\n";

        List<MultipartResponse.Part> parts = MultipartResponse.parse(body, "b");

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).contentId()).contains("1");
        assertThat(parts.get(0).response().status()).isEqualTo(201);
        assertThat(parts.get(0).response().body()).isEqualTo("{\"leadid\":\"5b4a6c2e-0000-4000-8000-000000000001\"}");
        assertThat(parts.get(1).contentId()).isEmpty();
        assertThat(parts.get(1).response().requestId()).isEqualTo("9a1b");
        assertThat(parts.get(1).response().error()).isEqualTo(new DataverseError("0x80044331", "too long"));
        assertThat(parts.get(2).response().status()).isEqualTo(204);
        assertThat(parts.get(2).response().body()).isEmpty();
        assertThat(parts.get(2).response().header("odata-entityid").flatMap(ItemOutcomes::guidOf))
                .contains("5b4a6c2e-0000-4000-8000-000000000002");
    }

    @Test
    void bareLineFeedsAndAPreambleAreReadToo() {
        String body = "preamble\n--b\nContent-Type: application/http\n\n" + CREATED.replace("\r\n", "\n") + "--b--";

        assertThat(MultipartResponse.parse(body, "b"))
                .singleElement()
                .satisfies(p -> assertThat(p.response().status()).isEqualTo(201));
    }

    @Test
    void aChangeSetsAnswersAreFlattenedInOrder() {
        String body = "--b\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n"
                + "--cs\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\n" + CREATED
                + "--cs\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\n"
                + CREATED.replace("201 Created", "200 OK")
                + "--cs--\r\n--b--\r\n";

        assertThat(MultipartResponse.parse(body, "b"))
                .extracting(p -> p.contentId(), p -> p.response().status())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Optional.of("1"), 201),
                        org.assertj.core.groups.Tuple.tuple(Optional.of("2"), 200));
    }

    @Test
    void aBodyThatIsNotThisMultipartIsRefused() {
        assertThatThrownBy(() -> MultipartResponse.parse("{\"error\":{}}", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> MultipartResponse.parse("--b\r\nContent-Type: application/http\r\n\r\n" + CREATED, "b"))
                .hasMessageContaining("closing");
        assertThatThrownBy(() ->
                        MultipartResponse.parse("--b\r\nContent-Type: application/http\r\n\r\nnot http\r\n--b--", "b"))
                .hasMessageContaining("status line");
        assertThatThrownBy(() -> MultipartResponse.parse("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--", "b"))
                .hasMessageContaining("text/plain");
    }
}
