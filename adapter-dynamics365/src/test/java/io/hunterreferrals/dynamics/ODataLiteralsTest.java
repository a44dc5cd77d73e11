package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A referral id is a key value: whatever it holds, the lead URL stays one path segment with one string literal. */
class ODataLiteralsTest {

    @Test
    void quotesAreDoubledAndEverythingButUnreservedCharactersIsEncoded() {
        assertThat(ODataLiterals.leadByKey("hnt_k", "O'Brien")).isEqualTo("leads(hnt_k='O%27%27Brien')");
        assertThat(ODataLiterals.leadByKey("hnt_k", "a/b?c#d%e f+g"))
                .isEqualTo("leads(hnt_k='a%2Fb%3Fc%23d%25e%20f%2Bg')");
        assertThat(ODataLiterals.leadByKey("hnt_k", "Şahin")).isEqualTo("leads(hnt_k='%C5%9Eahin')");
        assertThat(ODataLiterals.leadByKey("hnt_k", "0f8fad5b-d9cb-469f-a165-70867728950e"))
                .isEqualTo("leads(hnt_k='0f8fad5b-d9cb-469f-a165-70867728950e')");
        assertThat(ODataLiterals.filterString("US'D")).isEqualTo("%27US%27%27D%27");
    }

    @Test
    void noValueChangesThePathOrAddsAQuery() {
        for (String id :
                List.of("a/../../WhoAmI", "x?$select=*", "y#frag", "')/../x('", "%2F", "\r\nHost: evil", "a'); DROP")) {
            URI uri = URI.create("https://org.crm4.dynamics.com/api/data/v9.2/" + ODataLiterals.leadByKey("hnt_k", id));

            assertThat(uri.getRawQuery()).isNull();
            assertThat(uri.getRawFragment()).isNull();
            assertThat(uri.getRawPath())
                    .startsWith("/api/data/v9.2/leads(hnt_k='")
                    .endsWith("')");
            assertThat(uri.getRawPath().substring("/api/data/v9.2/".length())).doesNotContain("/");
            String literal = URLDecoder.decode(
                    uri.getRawPath()
                            .substring(
                                    "/api/data/v9.2/leads(hnt_k='".length(),
                                    uri.getRawPath().length() - 2)
                            .replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            assertThat(literal.replace("''", "'")).isEqualTo(id);
        }
    }
}
