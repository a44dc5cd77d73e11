package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: it runs every try, replays a seed exactly, and a property that does not hold fails loudly. */
class PropertyCheckTest {

    @Test
    void runsEveryTryAndReturnsTheCount() {
        List<Integer> seen = new ArrayList<>();

        int tries = PropertyCheck.run(250, 7, r -> r.nextInt(1000), seen::add);

        assertThat(tries).isEqualTo(250);
        assertThat(seen).hasSize(250);
    }

    @Test
    void theSameSeedGeneratesTheSameInputs() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        PropertyCheck.run(50, 42, HostileStrings::any, first::add);
        PropertyCheck.run(50, 42, HostileStrings::any, second::add);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPropertyThatDoesNotHoldFailsWithTheSeedTheTryAndTheInput() {
        assertThatThrownBy(() -> PropertyCheck.run(
                        1000, 99, r -> r.nextInt(100), n -> assertThat(n).isLessThan(90)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 99")
                .hasMessageContaining("-Dproperty.seed=99")
                .hasMessageMatching("(?s)Property failed on try \\d+ of 1000 .*for input \\[9\\d].*");
    }

    @Test
    void anExceptionInTheCheckIsAFailureToo() {
        assertThatThrownBy(() -> PropertyCheck.run(10, 1, r -> "x", s -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void inputsAreShownAsAsciiAndShortened() {
        assertThat(PropertyCheck.shown("a\u0000\ud800é")).isEqualTo("[a\\u0000\\uD800\\u00E9]");
        assertThat(PropertyCheck.shown("x".repeat(5000)))
                .endsWith("… (5000 chars)]")
                .hasSizeLessThan(500);
    }
}
