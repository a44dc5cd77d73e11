package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One referral read by id: the OData annotations leave the payload, every other member keeps its exact text. */
class EntityParserTest {

    @Test
    void annotationsAreLeftOutAndEveryOtherMemberKeepsItsText() throws Exception {
        String body =
                "{\"@odata.context\":\"https://x/$metadata#Referrals/$entity\",\"id\":\"r1\",\"dealValue\":30000.10,"
                        + "\"n\":-1e3,\"ok\":true,\"none\":null,\"details\":{\"notes\":\"a\\u00e9\"},\"tags\":[1, 2],"
                        + "\"@odata.etag\":\"W/1\",\"last\":7}";

        PageParser.RawItem item = EntityParser.parse(body);

        assertThat(item.json())
                .isEqualTo("{\"id\":\"r1\",\"dealValue\":30000.10,\"n\":-1e3,\"ok\":true,\"none\":null,"
                        + "\"details\":{\"notes\":\"a\\u00e9\"},\"tags\":[1, 2],\"last\":7}");
        assertThat(item.node().path("id").asText()).isEqualTo("r1");
        assertThat(item.node().path("dealValue").decimalValue()).isEqualByComparingTo("30000.10");
        assertThat(item.node().has("@odata.context")).isFalse();
    }

    @Test
    void whitespaceBetweenMembersIsDropped() throws Exception {
        PageParser.RawItem item =
                EntityParser.parse("{ \"@odata.context\" : \"c\" ,\n  \"id\" : \"r1\" , \"v\" : 2 }\n");

        assertThat(item.json()).isEqualTo("{\"id\" : \"r1\",\"v\" : 2}");
    }

    @Test
    void jsonThatIsNotAnObjectIsHandedOnForTheMapperToRefuse() throws Exception {
        PageParser.RawItem item = EntityParser.parse(" [1,2] ");

        assertThat(item.json()).isEqualTo("[1,2]");
        assertThat(ReferralMapper.map(item)).isInstanceOf(io.hunterreferrals.core.sync.SourceRecord.Unreadable.class);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> EntityParser.parse("{\"id\":\"r1\",")).isInstanceOf(PageParser.MalformedPage.class);
        assertThatThrownBy(() -> EntityParser.parse("")).isInstanceOf(PageParser.MalformedPage.class);
        assertThatThrownBy(() -> EntityParser.parse("{\"id\":\"r1\"} trailing"))
                .isInstanceOf(PageParser.MalformedPage.class);
        assertThatThrownBy(() -> EntityParser.parse("<html>")).isInstanceOf(PageParser.MalformedPage.class);
    }
}
