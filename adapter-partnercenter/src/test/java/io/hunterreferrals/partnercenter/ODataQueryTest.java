package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.SourceQuery;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ODataQueryTest {

    private static final URI REFERRALS = URI.create("https://api.partner.microsoft.com/v1.0/engagements/referrals");

    @Test
    void noDirectionsAndNoWatermarkMeansNoFilter() {
        assertThat(ODataQuery.filter(new SourceQuery(List.of(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void directionsAreOredInParentheses() {
        assertThat(ODataQuery.filter(new SourceQuery(List.of("Incoming", "Outgoing"), Optional.empty())))
                .hasValue("(direction eq 'Incoming' or direction eq 'Outgoing')");
    }

    @Test
    void theWatermarkIsAndedInWholeSecondsRoundedDown() {
        SourceQuery q = new SourceQuery(List.of("Incoming"), Optional.of(Instant.parse("2025-05-01T00:00:00.987654Z")));
        assertThat(ODataQuery.filter(q))
                .hasValue("(direction eq 'Incoming') and updatedDateTime ge 2025-05-01T00:00:00Z");
    }

    @Test
    void quotesInLiteralsAreDoubled() {
        assertThat(ODataQuery.filter(new SourceQuery(List.of("O'Brien"), Optional.empty())))
                .hasValue("(direction eq 'O''Brien')");
    }

    @Test
    void theFirstPageUriCarriesEveryOptionPercentEncoded() {
        URI uri = ODataQuery.firstPage(
                REFERRALS,
                new SourceQuery(List.of("Incoming"), Optional.of(Instant.parse("2025-05-01T00:00:00Z"))),
                100);

        assertThat(uri.toString())
                .isEqualTo(REFERRALS + "?$filter=%28direction%20eq%20%27Incoming%27%29%20and%20"
                        + "updatedDateTime%20ge%202025-05-01T00%3A00%3A00Z&$orderby=updatedDateTime%20asc&$top=100");
        assertThat(uri.getQuery())
                .isEqualTo("$filter=(direction eq 'Incoming') and updatedDateTime ge "
                        + "2025-05-01T00:00:00Z&$orderby=updatedDateTime asc&$top=100");
    }

    @Test
    void neverFiltersOnStatus() {
        URI uri = ODataQuery.firstPage(REFERRALS, new SourceQuery(List.of("Incoming"), Optional.empty()), 10);
        assertThat(uri.getQuery()).doesNotContain("status");
    }
}
