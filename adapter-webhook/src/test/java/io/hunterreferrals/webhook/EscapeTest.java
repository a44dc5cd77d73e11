package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {

    @Test
    void markdownGetsABackslashBeforeEveryCharacterWithAMeaning() {
        assertThat(Escape.markdown("[click](https://evil.example)")).isEqualTo("\\[click\\]\\(https://evil.example\\)");
        assertThat(Escape.markdown("**bold** _it_ `code` <b> a\\b"))
                .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\<b\\> a\\\\b");
        assertThat(Escape.markdown("Contoso & Co")).isEqualTo("Contoso \\& Co");
        assertThat(Escape.markdown("Contoso Ltd. co-sell 12.500,00")).isEqualTo("Contoso Ltd. co-sell 12.500,00");
    }

    @Test
    void aValueCannotStartAListOrAHeadingNorSpanLines() {
        assertThat(Escape.markdown("1. first")).isEqualTo("1\\. first");
        assertThat(Escape.markdown("2) second")).isEqualTo("2\\) second");
        assertThat(Escape.markdown("- item")).isEqualTo("\\- item");
        assertThat(Escape.markdown("# Big")).isEqualTo("\\# Big");
        assertThat(Escape.markdown("a\r\n\n- b\u2028c")).isEqualTo("a - b c");
    }

    @Test
    void mrkdwnEscapesExactlySlacksThreeCharacters() {
        assertThat(Escape.mrkdwn("<!channel> <https://evil.example|x> & *b*"))
                .isEqualTo("&lt;!channel&gt; &lt;https://evil.example|x&gt; &amp; *b*");
        assertThat(Escape.mrkdwn("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void clipKeepsSurrogatePairsWhole() {
        assertThat(Escape.clip("abcdef", 10)).isEqualTo("abcdef");
        assertThat(Escape.clip("abcdef", 4)).isEqualTo("abc…");
        assertThat(Escape.clip("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
    }
}
