package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated data: deterministic, realistic, and covering every case a consumer must handle. */
class ReferralDataTest {

    private static final Map<String, Set<String>> SUBSTATUSES = Map.of(
            "New",
            Set.of("Pending", "Received"),
            "Active",
            Set.of("Accepted"),
            "Closed",
            Set.of("Won", "Lost", "Declined", "Expired"),
            "None",
            Set.of("None"));

    private static List<JsonNode> data(long seed, int count) {
        try (PartnerCenterSimulator sim =
                PartnerCenterSimulator.builder().seed(seed).referrals(count).build()) {
            return sim.referrals().all();
        }
    }

    private static List<String> emails(List<JsonNode> all) {
        return all.stream()
                .flatMap(r -> {
                    JsonNode team = r.path("customerProfile").path("team");
                    List<JsonNode> members =
                            team.isArray() ? iterable(team) : team.isObject() ? List.of(team) : List.of();
                    return members.stream().map(m -> m.path("email").asText(""));
                })
                .toList();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        assertThat(data(42, 30)).isEqualTo(data(42, 30));
        assertThat(data(42, 30)).isNotEqualTo(data(43, 30));
        // Referral n does not depend on how many were generated.
        assertThat(data(42, 30)).isEqualTo(data(42, 60).subList(0, 30));
    }

    @Test
    void timestampsHaveSevenFractionalDigitsAndAreConsistent() {
        for (JsonNode r : data(42, 100)) {
            String created = r.path("createdDateTime").asText();
            String updated = r.path("updatedDateTime").asText();
            assertThat(created).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
            assertThat(updated).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
            assertThat(Instant.parse(updated)).isAfterOrEqualTo(Instant.parse(created));
            assertThat(r.path("id").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(r.path("eTag").asText()).startsWith("\"").endsWith("\"");
            assertThat(SUBSTATUSES.get(r.path("status").asText()))
                    .contains(r.path("substatus").asText());
        }
    }

    @Test
    void coversEveryClassificationCaseStatusAndDirection() {
        List<JsonNode> all = data(42, ReferralGenerator.FULL_COVERAGE);

        Set<String> statusPairs = all.stream()
                .map(r -> r.path("status").asText() + "/" + r.path("substatus").asText())
                .collect(Collectors.toSet());
        assertThat(statusPairs).hasSize(ReferralGenerator.STATUSES.size());
        assertThat(all).extracting(r -> r.path("direction").asText()).contains("Incoming", "Outgoing");

        assertThat(all).anyMatch(r -> !r.has("type"));
        assertThat(all).anyMatch(r -> r.path("type").isNull());
        assertThat(all).anyMatch(r -> r.path("type").asText().equals(""));
        assertThat(all).anyMatch(r -> r.path("type").asText().equals("Collaborative"));
        assertThat(all).anyMatch(r -> r.path("type").asText().equals("Shared"));
        assertThat(all).anyMatch(r -> !r.has("qualification"));
        assertThat(all)
                .anyMatch(r -> invitedBy(r).equals("msft")
                        && r.path("qualification").asText().equals("MarketingQualified"));
        assertThat(all).anyMatch(r -> invitedBy(r).equals(" MSFT "));
        assertThat(all).anyMatch(r -> r.path("inviteContext").isNull());
        assertThat(all)
                .anyMatch(r -> r.path("type").asText().equals("Independent")
                        && invitedBy(r).equals(SampleData.OTHER_PARTNER_ORG_ID));
        assertThat(all)
                .anyMatch(r -> r.path("qualification").asText().equals("Direct")
                        && !r.path("referralSource").asText("").isBlank());
        assertThat(all)
                .anyMatch(r -> r.path("qualification").asText().equals("Direct")
                        && r.path("referralSource").isNull()
                        && r.path("callToAction").isNull()
                        && invitedBy(r).equals("msft"));
    }

    @Test
    void coversTheEmailAndShapeQuirksAParserMustSurvive() {
        List<JsonNode> all = data(42, ReferralGenerator.FULL_COVERAGE);
        List<String> emails = emails(all);
        Set<String> domains = emails.stream()
                .filter(e -> e.contains("@"))
                .map(e -> e.trim().substring(e.trim().indexOf('@') + 1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());

        assertThat(domains).anyMatch(SampleData.CONSUMER_DOMAINS::contains);
        assertThat(domains).anyMatch(d -> d.endsWith(".com.tr"));
        assertThat(domains).anyMatch(d -> d.endsWith(".co.uk") && d.split("\\.").length > 3);
        assertThat(domains).anyMatch(d -> !d.chars().allMatch(c -> c < 128)); // IDN
        assertThat(emails).contains(Canary.CUSTOMER_EMAIL, "");
        assertThat(emails).anyMatch(e -> !e.equals(e.trim()));

        assertThat(all).anyMatch(r -> r.path("customerProfile").path("team").isObject());
        assertThat(all).anyMatch(r -> r.path("customerProfile").path("team").isNull());
        assertThat(all).anyMatch(r -> !r.path("customerProfile").has("team"));
        assertThat(all)
                .anyMatch(r -> r.path("customerProfile").path("team").isArray()
                        && r.path("customerProfile").path("team").isEmpty());
        assertThat(all).anyMatch(r -> r.path("customerProfile").path("ids").isObject());
        assertThat(all)
                .anyMatch(r -> r.path("customerProfile").path("ids").toString().contains("https://"));
        assertThat(all).anyMatch(r -> r.toString().contains("İstanbul"));
        assertThat(all)
                .anyMatch(r -> r.toString().contains("Çağrı") || r.toString().contains("Şahin"));
    }

    @Test
    void addNewAndChangesAreStampedWithTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
        try (PartnerCenterSimulator sim =
                PartnerCenterSimulator.builder().referrals(3).clock(clock).build()) {
            String id = sim.referrals().addNew(r -> r.put("name", "Yeni fırsat – Ölçüm"));
            assertThat(sim.referrals()
                            .get(id)
                            .orElseThrow()
                            .path("updatedDateTime")
                            .asText())
                    .isEqualTo("2026-02-01T12:00:00.0000000Z");

            String existing = sim.referrals().ids().getFirst();
            String oldEtag =
                    sim.referrals().get(existing).orElseThrow().path("eTag").asText();
            clock.advance(Duration.ofMinutes(5));
            sim.referrals().changeStatus(existing, "Closed", "Won");

            JsonNode changed = sim.referrals().get(existing).orElseThrow();
            assertThat(changed.path("status").asText()).isEqualTo("Closed");
            assertThat(changed.path("substatus").asText()).isEqualTo("Won");
            assertThat(changed.path("updatedDateTime").asText()).isEqualTo("2026-02-01T12:05:00.0000000Z");
            assertThat(changed.path("closedDateTime").asText()).isEqualTo("2026-02-01T12:05:00.0000000Z");
            assertThat(changed.path("eTag").asText()).isNotEqualTo(oldEtag);
            assertThat(sim.referrals().size()).isEqualTo(4);
            assertThat(sim.referrals().remove(existing)).isTrue();
            assertThat(sim.referrals().get(existing)).isEmpty();
        }
    }

    @Test
    void injectedMalformedItemsAreServedButNeverMatchFilters() {
        try (PartnerCenterSimulator sim =
                PartnerCenterSimulator.builder().referrals(2).build().start()) {
            sim.referrals()
                    .injectRaw("{\"name\":\"no id\",\"updatedDateTime\":\"2025-13-45T99:00:00Z\",\"status\":\"New\"}");
            sim.referrals().injectRaw("{\"id\":\"bad-time\",\"updatedDateTime\":\"yesterday\"}");
            String token = sim.identity().issueAccessToken();
            String url = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;

            JsonNode everything = Http.get(url, token).json();
            JsonNode recent = Http.get(url + "?$filter=" + Http.enc("updatedDateTime ge 2000-01-01T00:00:00Z"), token)
                    .json();
            JsonNode sorted =
                    Http.get(url + "?$orderby=updatedDateTime%20asc", token).json();

            assertThat(everything.get("value")).hasSize(4);
            assertThat(recent.get("value")).hasSize(2);
            assertThat(sorted.get("value")).hasSize(4);
            assertThat(Http.get(url + "/bad-time", token)
                            .json()
                            .path("updatedDateTime")
                            .asText())
                    .isEqualTo("yesterday");
        }
    }

    @Test
    void idsAreUnique() {
        List<JsonNode> all = data(42, 500);
        assertThat(new HashSet<>(all.stream().map(r -> r.path("id").asText()).toList()))
                .hasSize(500);
    }

    /**
     * Update times spread as real data's do: no pile-up on one instant (the generator once clamped late updates to its
     * anchor, giving thousands of referrals the same updatedDateTime, which an incremental sync reads again every
     * time).
     */
    @Test
    void updateTimesDoNotPileUpOnOneInstant() {
        List<JsonNode> all = data(42, 20_000);

        Map<String, Long> perInstant = all.stream()
                .collect(Collectors.groupingBy(r -> r.path("updatedDateTime").asText(), Collectors.counting()));
        long newest = all.stream()
                .map(r -> Instant.parse(r.path("updatedDateTime").asText()))
                .max(Instant::compareTo)
                .map(max -> all.stream()
                        .filter(r -> !Instant.parse(r.path("updatedDateTime").asText())
                                .isBefore(max.minus(Duration.ofMinutes(5))))
                        .count())
                .orElseThrow();

        assertThat(perInstant.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        // 20,000 referrals over a year: a few in the last 5 minutes, not hundreds
        assertThat(newest).isLessThan(20);
    }

    private static String invitedBy(JsonNode r) {
        return r.path("inviteContext").path("invitedBy").path("organizationId").asText("");
    }
}
