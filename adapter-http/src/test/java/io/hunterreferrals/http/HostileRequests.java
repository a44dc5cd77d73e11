package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.testing.HostileStrings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Query strings and checks shared by the API's bad-input tests. */
final class HostileRequests {

    /** Percent sequences no encoder would make: broken escapes, invalid and overlong UTF-8, a CESU surrogate. */
    static final List<String> RAW_ENCODED = List.of(
            "%zz",
            "%",
            "%F",
            "a%",
            "%FF",
            "%C0%80",
            "%ED%A0%80",
            "%F4%90%80%80",
            "%00",
            "%2F",
            "%25",
            "%u0041",
            "%E2%80%AE",
            "%EF%BB%BF",
            "+",
            "%2B%2B",
            "%0D%0ASet-Cookie:%20x=1");

    /** Values aimed at the numeric, enum and flag parameters. */
    static final List<String> ODD_VALUES = List.of(
            "99999999999999999999",
            "2147483647",
            "2147483648",
            "-2147483649",
            "-1",
            "0",
            "1e3",
            "0x10",
            "+5",
            " 5 ",
            "٣",
            "1.5",
            "NaN",
            "true",
            "TRUE",
            "yes",
            "maybe",
            "co-sell",
            "CO-SELL",
            "unclassified",
            "auto_linked",
            "newest",
            "name",
            "' OR 1=1 --",
            "%",
            "_",
            "\\",
            ";DROP TABLE leads;--");

    private HostileRequests() {}

    /** A query parameter value as the URL carries it: encoded hostile text, an odd value, or a raw percent sequence. */
    static String encodedValue(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> pick(RAW_ENCODED, r);
            case 1 -> encode(pick(ODD_VALUES, r));
            case 2 -> encode(HostileStrings.upTo(r, 300));
            default -> encode(HostileStrings.upTo(r, 60));
        };
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The project's error shape: JSON {@code {"error": {"code", "message"}}} with both filled. */
    static void assertErrorJson(ApiFixture.Response response) {
        assertThat(response.header("Content-Type"))
                .as("content type of " + response)
                .startsWith("application/json");
        assertThat(response.errorCode()).as("error code of " + response).isNotBlank();
        assertThat(response.errorMessage()).as("error message of " + response).isNotBlank();
    }

    /** Never a 500: any status below it, and an error body for every refusal. */
    static void assertRefusedCleanlyOrServed(ApiFixture.Response response, List<Integer> allowed) {
        assertThat(response.status()).as(response::toString).isIn(allowed);
        if (response.status() >= 400) {
            assertErrorJson(response);
        }
    }
}
