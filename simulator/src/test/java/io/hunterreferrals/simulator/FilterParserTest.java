package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Precedence and literals of the $filter subset, without HTTP in the way. */
class FilterParserTest {

    private static final JsonNode NEW_IN = Json.parse(
            "{\"status\":\"New\",\"direction\":\"Incoming\",\"updatedDateTime\":\"2024-05-02T10:11:12.1234567Z\"}");
    private static final JsonNode CLOSED_OUT = Json.parse(
            "{\"status\":\"Closed\",\"direction\":\"Outgoing\",\"updatedDateTime\":\"2024-04-30T00:00:00.0000000Z\"}");

    private static boolean matches(String filter, JsonNode referral) {
        return FilterParser.parse(filter).test(referral);
    }

    @Test
    void andBindsTighterThanOr() {
        String f = "status eq 'Closed' or status eq 'New' and direction eq 'Outgoing'";
        assertThat(matches(f, CLOSED_OUT)).isTrue();
        assertThat(matches(f, NEW_IN)).isFalse();
        assertThat(matches("(status eq 'Closed' or status eq 'New') and direction eq 'Incoming'", NEW_IN))
                .isTrue();
    }

    @Test
    void dateTimeComparisonsUseInstantsNotText() {
        assertThat(matches("updatedDateTime ge 2024-05-01T00:00:00Z", NEW_IN)).isTrue();
        assertThat(matches("updatedDateTime ge 2024-05-01T00:00:00Z", CLOSED_OUT))
                .isFalse();
        assertThat(matches("updatedDateTime ge '2024-05-02T13:11:12.1234567+03:00'", NEW_IN))
                .isTrue();
        assertThat(matches("updatedDateTime gt 2024-05-02T10:11:12.1234567Z", NEW_IN))
                .isFalse();
        assertThat(matches("updatedDateTime lt 2024-05-01T00:00:00Z and status ne 'New'", CLOSED_OUT))
                .isTrue();
    }

    @Test
    void quotesAreEscapedByDoubling() {
        assertThat(matches("status eq 'O''Brien'", Json.parse("{\"status\":\"O'Brien\"}")))
                .isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveButValuesAreNot() {
        assertThat(matches("status EQ 'New' AND direction eq 'Incoming'", NEW_IN))
                .isTrue();
        assertThat(matches("status eq 'new'", NEW_IN)).isFalse();
    }

    @Test
    void rejectsWhatTheSubsetDoesNotCover() {
        for (String bad : new String[] {
            "status eq",
            "status gt 'New'",
            "name eq 'x'",
            "status eq 'New')",
            "updatedDateTime ge 'not a date'",
            "'New' eq status",
            "status eq 'unterminated"
        }) {
            assertThatThrownBy(() -> FilterParser.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
