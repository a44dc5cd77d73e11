package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.ClassificationCase.Invite;
import io.hunterreferrals.simulator.SampleData.Company;
import io.hunterreferrals.simulator.SampleData.Person;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic referral factory: referral {@code n} of seed {@code s} is always the same JSON, whatever else happens,
 * because each one draws from its own random stream. The first few referrals walk through every classification case,
 * status pair, contact shape and ids shape, so any data set of {@link #FULL_COVERAGE} or more referrals contains them
 * all; later ones are drawn at random from realistic mixes.
 */
final class ReferralGenerator {

    record StatusPair(String status, String substatus) {}

    /** Every status/substatus combination the API documents (partner-center-api.md §2.2). */
    static final List<StatusPair> STATUSES = List.of(
            new StatusPair("New", "Pending"),
            new StatusPair("New", "Received"),
            new StatusPair("Active", "Accepted"),
            new StatusPair("Closed", "Won"),
            new StatusPair("Closed", "Lost"),
            new StatusPair("Closed", "Declined"),
            new StatusPair("Closed", "Expired"),
            new StatusPair("None", "None"));

    static final int FULL_COVERAGE = Math.max(
            ClassificationCase.ALL.size(),
            Math.max(ContactStyle.values().length, Math.max(IdsStyle.values().length, STATUSES.size())));

    private static final List<String> DIRECTIONS = List.of("Incoming", "Outgoing");

    private final long seed;
    private final Instant anchor;
    private final String partnerOrgId;

    ReferralGenerator(long seed, Instant anchor, String partnerOrgId) {
        this.seed = seed;
        this.anchor = anchor;
        this.partnerOrgId = partnerOrgId;
    }

    /**
     * The fields the store indexes and filters on, drawn from the same stream as {@link #generate(int)} but without
     * building the JSON: this is what lets a million referrals be generated in a second and kept compactly.
     */
    record Summary(
            String id, String direction, StatusPair status, ClassificationCase cls, Instant created, Instant updated) {}

    Summary summarize(int index) {
        SplittableRandom r = random(index);
        Instant[] times = times(r);
        return summary(draw(index, r), times[0], times[1]);
    }

    Summary summarizeAt(int index, Instant now) {
        return summary(draw(index, random(index)), now, now);
    }

    ObjectNode generate(int index) {
        SplittableRandom r = random(index);
        Instant[] times = times(r);
        return generate(index, r, times[0], times[1]);
    }

    private static Summary summary(Drawn d, Instant created, Instant updated) {
        return new Summary(d.id(), d.direction(), d.status(), d.cls(), created, updated);
    }

    /** createdDateTime then updatedDateTime: the first draws of a generated referral's stream. */
    private Instant[] times(SplittableRandom r) {
        Instant created = anchor.minus(
                        Duration.ofSeconds(r.nextLong(Duration.ofDays(365).toSeconds())))
                .plusNanos(r.nextInt(10_000_000) * 100L);
        // Updated up to 20 days after creation, never after the anchor. The span is cut at the anchor rather than the
        // time clamped to it: a clamp gave every referral created in the last 20 days whose update fell later the very
        // same updatedDateTime (about 2,200 of 100,000), a pile-up real data never has, which every incremental
        // sync's "ge watermark" must read again.
        long span = Math.max(
                1,
                Math.min(
                        Duration.ofDays(20).toSeconds(),
                        Duration.between(created, anchor).toSeconds()));
        Instant updated = r.nextInt(5) == 0
                ? created
                : min(
                        anchor,
                        created.plus(Duration.ofSeconds(r.nextLong(span))).plusNanos(r.nextInt(10_000_000) * 100L));
        return new Instant[] {created, updated};
    }

    /** Referral {@code index} with both timestamps set to {@code now}: a brand-new referral for incremental syncs. */
    ObjectNode generateAt(int index, Instant now) {
        return generate(index, random(index), now, now);
    }

    String newEtag(SplittableRandom r) {
        return String.format(
                Locale.ROOT,
                "\"%08x-0000-0100-0000-%012x\"",
                r.nextInt() & 0xffffffffL,
                r.nextLong() & 0xffffffffffffL);
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
    }

    /** The choices made before the JSON is built, in the order the stream is consumed; id comes last. */
    private record Drawn(
            ClassificationCase cls,
            StatusPair status,
            ContactStyle contacts,
            IdsStyle ids,
            String direction,
            Company company,
            String id) {}

    private static Drawn draw(int index, SplittableRandom r) {
        ClassificationCase cls = index < ClassificationCase.ALL.size()
                ? ClassificationCase.ALL.get(index)
                : r.nextInt(10) == 0 ? pick(ClassificationCase.ALL, r) : pick(ClassificationCase.COMMON, r);
        StatusPair status = cycle(STATUSES, index, r);
        ContactStyle contacts = cycle(List.of(ContactStyle.values()), index, r);
        IdsStyle ids = cycle(List.of(IdsStyle.values()), index, r);
        String direction =
                index < DIRECTIONS.size() * 2 ? DIRECTIONS.get(index % 2) : r.nextInt(5) == 0 ? "Outgoing" : "Incoming";
        Company company = cycle(SampleData.COMPANIES, index, r);
        return new Drawn(cls, status, contacts, ids, direction, company, guid(r));
    }

    private ObjectNode generate(int index, SplittableRandom r, Instant created, Instant updated) {
        Drawn d = draw(index, r);
        ClassificationCase cls = d.cls();
        StatusPair status = d.status();
        ContactStyle contacts = d.contacts();
        IdsStyle ids = d.ids();
        String direction = d.direction();
        Company company = d.company();

        ObjectNode n = Json.object();
        String id = d.id();
        n.put("id", id);
        n.put("engagementId", engagementId(index));
        n.put("name", shortName(company) + " – " + pick(SampleData.PROJECTS, r));
        n.put("organizationId", partnerOrgId);
        n.put("organizationName", SampleData.PARTNER_NAME);
        n.put("mpnId", SampleData.PARTNER_MPN_ID);
        switch (r.nextInt(3)) {
            case 0 -> n.putNull("externalReferenceId");
            case 1 -> n.put("externalReferenceId", "");
            default -> n.put("externalReferenceId", "LEAD-" + (10_000 + index));
        }
        n.put("createdDateTime", Timestamps.format(created));
        n.put("updatedDateTime", Timestamps.format(updated));
        applyLifecycle(n, status, created, updated, r);
        putMaybe(n, "type", cls.type());
        putMaybe(n, "qualification", cls.qualification());
        n.put("direction", direction);
        n.put("referralSource", cls.referralSource());
        n.put("callToAction", cls.callToAction());
        n.putNull("salesStage");
        n.put("dealSensitivity", "None");
        n.put("eTag", newEtag(r));
        n.putArray("target").addObject().put("type", "SolutionProfile").put("id", "SOL-" + (1000 + r.nextInt(9000)));
        n.set("customerProfile", CustomerProfiles.build(company, contacts, ids, r));
        n.putObject("consent")
                .put("consentToContact", r.nextInt(6) != 0)
                .put("consentToToShareInfoWithOthers", r.nextBoolean())
                .put("consentToShareReferralWithMicrosoftSellers", r.nextBoolean());
        n.set("details", details(company, r));
        n.set("team", partnerTeam(cls, r));
        inviteContext(n, cls.invite(), r);
        ObjectNode links = n.putObject("links");
        links.putObject("relatedReferrals")
                .put(
                        "uri",
                        "https://api.partner.microsoft.com/v1.0/engagements/referrals?$filter=engagementId eq '"
                                + n.get("engagementId").asText() + "'")
                .put("method", "GET");
        links.putObject("self")
                .put("uri", "https://api.partner.microsoft.com/v1.0/engagements/referrals/" + id)
                .put("method", "GET");
        n.putArray("tags");
        n.putArray("registrations");
        n.put("registrationStatus", "None");
        n.put("favorite", false);
        n.put("quality", "Unknown");
        n.put("isSpam", false);
        return n;
    }

    private static void applyLifecycle(
            ObjectNode n, StatusPair s, Instant created, Instant updated, SplittableRandom r) {
        Instant accepted = created.plus(Duration.ofMinutes(30 + r.nextInt(3 * 24 * 60)));
        boolean wasAccepted = s.status().equals("Active")
                || s.substatus().equals("Won")
                || s.substatus().equals("Lost");
        n.put("acceptedDateTime", wasAccepted ? Timestamps.format(min(accepted, updated)) : null);
        n.put(
                "expirationDateTime",
                s.status().equals("New") || s.substatus().equals("Expired")
                        ? Timestamps.format(created.plus(Duration.ofDays(14)))
                        : null);
        n.put("closedDateTime", s.status().equals("Closed") ? Timestamps.format(updated) : null);
        n.put("status", s.status());
        n.put("substatus", s.substatus());
        String reason = switch (s.substatus()) {
            case "Lost" -> "Müşteri başka bir iş ortağını seçti";
            case "Declined" -> "NotAGoodFit";
            default -> r.nextBoolean() ? "" : null;
        };
        n.put("statusReason", reason);
    }

    private static ObjectNode details(Company c, SplittableRandom r) {
        ObjectNode d = Json.object();
        d.put("notes", pick(SampleData.NOTES, r));
        switch (r.nextInt(6)) {
            case 0 -> d.putNull("dealValue");
            case 1 -> d.put("dealValue", 0);
            case 2 -> d.put("dealValue", new BigDecimal("12500.50"));
            default -> d.put("dealValue", (1 + r.nextInt(500)) * 1000);
        }
        d.put("currency", r.nextInt(8) == 0 ? "" : c.currency());
        d.put("closingDateTime", r.nextBoolean() ? "2025-09-30T00:00:00Z" : null);
        d.putNull("customerRequestedContact");
        d.putNull("customerAction");
        d.putNull("incentiveLevel");
        ObjectNode req = d.putObject("requirements");
        req.putArray("industries").addObject().put("id", pick(SampleData.INDUSTRIES, r));
        req.putArray("products").addObject().put("id", pick(SampleData.PRODUCTS, r));
        req.putArray("services").addObject().put("id", pick(SampleData.SERVICES, r));
        req.putArray("solutions");
        req.putArray("offers");
        req.putArray("salesPlays");
        return d;
    }

    /** Top-level team: the partner's (and for co-sell, Microsoft's) sellers, never the customer. */
    private static com.fasterxml.jackson.databind.JsonNode partnerTeam(ClassificationCase cls, SplittableRandom r) {
        Company own = new Company(
                SampleData.PARTNER_NAME,
                SampleData.PARTNER_DOMAIN,
                "TR",
                "İstanbul",
                "",
                "",
                "",
                "tr-TR",
                "TRY",
                "+90 216");
        Person seller = pick(SampleData.PARTNER_PEOPLE, r);
        ObjectNode first = CustomerProfiles.member(seller, seller.mailbox() + "@" + SampleData.PARTNER_DOMAIN, own, r);
        if (r.nextInt(12) == 0) {
            return first; // single object instead of an array, as in one captured payload
        }
        ArrayNode team = Json.MAPPER.createArrayNode().add(first);
        if ("Shared".equals(cls.type())) {
            Person ms = pick(SampleData.MICROSOFT_SELLERS, r);
            team.add(CustomerProfiles.member(ms, ms.mailbox() + "@microsoft.com", own, r));
        }
        return team;
    }

    private void inviteContext(ObjectNode n, Invite invite, SplittableRandom r) {
        if (invite == Invite.NO_INVITE_CONTEXT) {
            n.putNull("inviteContext");
            return;
        }
        ObjectNode ctx = n.putObject("inviteContext");
        ctx.put("notes", r.nextBoolean() ? "" : "Lütfen bu hafta içinde müşteriyle iletişime geçin.");
        ctx.put("assistanceRequestCode", "Unknown");
        ctx.putNull("invitedMpnId");
        ObjectNode by = ctx.putObject("invitedBy");
        switch (invite) {
            case MSFT -> by.put("organizationId", "msft").put("organizationName", "Microsoft");
            case MSFT_UNTRIMMED -> by.put("organizationId", " MSFT ").put("organizationName", "Microsoft");
            case OWN_ORG -> by.put("organizationId", partnerOrgId).put("organizationName", SampleData.PARTNER_NAME);
            case OTHER_PARTNER ->
                by.put("organizationId", SampleData.OTHER_PARTNER_ORG_ID)
                        .put("organizationName", SampleData.OTHER_PARTNER_NAME);
            case NULL_ORG -> by.putNull("organizationId").putNull("organizationName");
            case BLANK_ORG -> by.put("organizationId", "").put("organizationName", "");
            case NO_INVITE_CONTEXT -> throw new IllegalStateException();
        }
    }

    /** Every seventh referral shares its engagement with the previous one, like the two sides of a co-sell deal. */
    String engagementId(int index) {
        int group = index % 7 == 3 ? index - 1 : index;
        return guid(new SplittableRandom(seed * 31 + group * 0x94D049BB133111EBL + 17));
    }

    private static String shortName(Company c) {
        String name = c.name();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }

    private static void putMaybe(ObjectNode n, String key, String value) {
        if (!ClassificationCase.ABSENT.equals(value)) {
            n.put(key, value);
        }
    }

    static String guid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo).toString();
    }

    private static <T> T cycle(List<T> values, int index, SplittableRandom r) {
        return index < values.size() ? values.get(index) : pick(values, r);
    }

    private static <T> T pick(List<T> values, SplittableRandom r) {
        return values.get(r.nextInt(values.size()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
