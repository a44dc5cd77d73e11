package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The served JSON of each referral, byte for byte, against a fixture written by the simulator before referrals were
 * stored compactly (commit "fixture of rendered referral JSON"). Regenerate only on purpose, with
 * {@code -Dfixture.write=true}, and say why in the commit: the fixture is what proves a storage change kept the shape.
 */
class RenderedJsonTest {

    private static final String FIXTURE = "fixtures/rendered-referrals.jsonl.gz";

    @Test
    void everyReferralRendersExactlyAsTheFixture() throws IOException {
        List<String> actual = scenario();
        if (Boolean.getBoolean("fixture.write")) {
            Path out = Path.of("src/test/resources", FIXTURE);
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
                o.write((String.join("\n", actual) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> expected;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/" + FIXTURE))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("line %d", i).isEqualTo(expected.get(i));
        }
    }

    /** Two seeds, plus every mutation lever, on a clock that moves in whole and odd steps. */
    private static List<String> scenario() {
        List<String> lines = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2025-07-01T08:00:00.123456789Z"));
        Instant anchor = Instant.parse("2025-06-30T00:00:00Z");
        SimulatedReferrals a = new SimulatedReferrals(clock, new ReferralGenerator(42, anchor, "org-42"), 300, 42);
        List<String> ids = a.ids();
        a.touch(ids.get(5));
        clock.advance(java.time.Duration.ofMillis(1500));
        a.changeStatus(ids.get(7), "Closed", "Won");
        a.changeStatus(ids.get(8), "Active", "Accepted");
        a.changeStatus(ids.get(2), "Active", "Accepted"); // already accepted: keeps its acceptedDateTime
        String fresh = a.addNew();
        clock.advance(java.time.Duration.ofNanos(777));
        a.addNew();
        a.changeStatus(fresh, "Closed", "Lost");
        a.touch(ids.get(5));
        a.all().forEach(n -> lines.add(Json.write(n)));
        SimulatedReferrals b = new SimulatedReferrals(
                clock, new ReferralGenerator(7, Instant.parse("2024-01-15T12:34:56.987654321Z"), "org-7"), 60, 7);
        b.all().forEach(n -> lines.add(Json.write(n)));
        for (String id : b.ids().subList(0, 3)) {
            JsonNode one = b.get(id).orElseThrow();
            lines.add(Json.write(one));
        }
        return lines;
    }
}
