package io.hunterreferrals.core.testing;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test harness on plain JUnit: run a check on {@code tries} generated inputs, and on the first
 * failure report the try, the seed and the input, so the failure can be replayed exactly.
 *
 * <p>Why our own and not jqwik: jqwik 1.10 asks that it not be used by AI coding agents (which develop this project)
 * and prints a line addressed to them into every test run; it is also built on JUnit Platform 1.x, not the 6.x we use.
 *
 * <p>Each property has a fixed default seed, so CI is reproducible. {@code -Dproperty.seed=N} replaces every property's
 * seed for one exploratory run; {@code -Dproperty.tries.factor=K} multiplies the tries.
 */
public final class PropertyCheck {

    private static final int MAX_SHOWN = 400;

    private PropertyCheck() {}

    /**
     * @param tries how many inputs to generate and check
     * @param seed the default seed of this property (overridden by {@code -Dproperty.seed})
     * @param generator makes one input from the random stream it is given
     * @param check throws (an assertion or anything else) when the property does not hold
     * @return the number of inputs checked, so a caller can add up tries
     */
    public static <T> int forAll(int tries, long seed, Function<SplittableRandom, T> generator, Consumer<T> check) {
        return run(
                tries * Integer.getInteger("property.tries.factor", 1),
                Long.getLong("property.seed", seed),
                generator,
                check);
    }

    /** {@link #forAll} with exactly this seed and these tries, whatever the system properties say. */
    static <T> int run(int tries, long seed, Function<SplittableRandom, T> generator, Consumer<T> check) {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(check, "check");
        SplittableRandom master = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            // One stream per try, split off in order: try i's input does not depend on what try i-1 consumed.
            SplittableRandom random = master.split();
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError(
                        "Property failed on try " + (i + 1) + " of " + tries + " (seed " + seed
                                + "; replay with -Dproperty.seed=" + seed + ") for input " + shown(input) + ": "
                                + failure,
                        failure);
            }
        }
        return tries;
    }

    /** The input as readable ASCII: control characters, surrogates and non-ASCII escaped; long ones shortened. */
    public static String shown(Object input) {
        String text = String.valueOf(input);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 32);
        int i = 0;
        for (; i < text.length() && out.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        if (i < text.length()) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return "[" + out + "]";
    }
}
