package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String row(Object... values) {
        StringBuilder out = new StringBuilder();
        CopyText.appendRow(out, values);
        return out.toString();
    }

    @Test
    void separatesColumnsWithTabsAndEndsTheRowWithANewline() {
        assertThat(row("a", 1L, "b")).isEqualTo("a\t1\tb\n");
    }

    @Test
    void writesNullAsBackslashN() {
        assertThat(row(null, "x", null)).isEqualTo("\\N\tx\t\\N\n");
    }

    @Test
    void escapesTheCharactersTheTextFormatGivesMeaningTo() {
        assertThat(row("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void keepsOtherCharactersAsTheyAre() {
        assertThat(row("Şahin İnşaat Ltd. Şti. – \"ğüıöç\" N")).isEqualTo("Şahin İnşaat Ltd. Şti. – \"ğüıöç\" N\n");
    }

    @Test
    void escapesJsonTextLikeAnyText() {
        assertThat(row(JSONB.valueOf("{\"note\":\"a\\nb\"}"))).isEqualTo("{\"note\":\"a\\\\nb\"}\n");
    }

    @Test
    void writesTimestampsInIsoFormWithTheirFullFractionAndOffset() {
        assertThat(row(OffsetDateTime.parse("2026-11-22T10:15:30.1234567Z")))
                .isEqualTo("2026-11-22T10:15:30.123456700Z\n");
    }

    @Test
    void writesDecimalsWithoutAnExponent() {
        assertThat(row(new BigDecimal("1E+3"), new BigDecimal("30000.00"))).isEqualTo("1000\t30000.00\n");
    }

    @Test
    void writesNumbersAndUuidsInTheirPlainForm() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(row(42L, 7, (short) 3, id, true, false)).isEqualTo("42\t7\t3\t" + id + "\tt\tf\n");
    }

    @Test
    void refusesATypeItHasNoTextFormFor() {
        assertThatThrownBy(() -> row(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
