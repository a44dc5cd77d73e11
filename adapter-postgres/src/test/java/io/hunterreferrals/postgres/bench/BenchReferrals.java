package io.hunterreferrals.postgres.bench;

import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic referrals for the benchmark: referral {@code i} is always the same, so the second pass sees
 * exactly the first pass's content. The raw payload mimics Partner Center's referral JSON (about 1.5 KB).
 */
final class BenchReferrals {

    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] CITIES = {"İstanbul", "Ankara", "İzmir", "Bursa", "München", "London", "Paris"};
    private static final String[] COUNTRIES = {"TR", "TR", "TR", "TR", "DE", "GB", "FR"};
    private static final String[] SIZES = {
        "1to10employees", "10to50employees", "51to250employees", "251to1000employees", "morethan1000employees"
    };
    private static final String[] FIRST_NAMES = {"Ayşe", "Mehmet", "Zeynep", "Can", "Elif", "Anna", "John"};
    private static final String[] LAST_NAMES = {"Yılmaz", "Kaya", "Demir", "Şahin", "Öztürk", "Müller", "Smith"};

    private final int domains;

    BenchReferrals(int domains) {
        this.domains = domains;
    }

    Referral referral(int i) {
        Random random = new Random(i * 7919L + 17);
        String id = String.format(
                "%08x-%04x-4%03x-a%03x-%012x",
                i, i % 65_536, i % 4096, (i * 31) % 4096, (long) i * 2_654_435_761L % 281_474_976_710_656L);
        int company = i % domains;
        String domain = "firma" + company + (company % 3 == 0 ? ".com.tr" : company % 3 == 1 ? ".de" : ".co.uk");
        String customer = (company % 5 == 0 ? "Şahin Bilişim " : "Firma ") + company + " A.Ş.";
        int city = random.nextInt(CITIES.length);
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String email = ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + "@" + domain;
        boolean shared = i % 3 == 0;
        String qualification = shared ? "SalesQualified" : i % 3 == 1 ? "Direct" : "MarketingQualified";
        String status = i % 4 == 0 ? "Active" : "New";
        String substatus = status.equals("Active") ? "Accepted" : "Received";
        Instant created = BASE.plusSeconds(60L * i);
        Instant updated = created.plusSeconds(3600);
        BigDecimal deal = BigDecimal.valueOf(1_000 + random.nextInt(500_000), 2);
        String raw = json(
                id,
                customer,
                domain,
                email,
                first,
                last,
                city,
                shared,
                qualification,
                status,
                substatus,
                created,
                updated,
                deal,
                random);
        return Referral.builder(id)
                .engagementId("eng-" + id)
                .name(customer + " – Microsoft 365 modernisation")
                .type(shared ? "Shared" : "Independent")
                .qualification(qualification)
                .direction("Incoming")
                .status(status)
                .substatus(substatus)
                .customer(new CustomerProfile(
                        customer,
                        COUNTRIES[city],
                        SIZES[random.nextInt(SIZES.length)],
                        List.of(email),
                        List.of(new CustomerId("External", "https://www." + domain))))
                .dealValue(new DealValue(deal, "USD"))
                .createdAt(created)
                .updatedAt(updated)
                .expiresAt(created.plusSeconds(90L * 86_400))
                .invitedByOrganizationId("msft")
                .referralSource(i % 3 == 1 ? "AppSource" : null)
                .eTag("\"" + Integer.toHexString(i * 31) + "-0000\"")
                .externalReferenceId(i % 10 == 0 ? "CRM-" + i : null)
                .raw(raw)
                .build();
    }

    private static String json(
            String id,
            String customer,
            String domain,
            String email,
            String first,
            String last,
            int city,
            boolean shared,
            String qualification,
            String status,
            String substatus,
            Instant created,
            Instant updated,
            BigDecimal deal,
            Random random) {
        return "{\"id\":\"" + id + "\",\"engagementId\":\"eng-" + id + "\","
                + "\"organizationId\":\"6f1c2a9e-4b7d-4e0a-9c3f-1a2b3c4d5e6f\",\"organizationName\":\"Hunter "
                + "Partner Ltd\","
                + "\"name\":\"" + customer + " – Microsoft 365 modernisation\",\"externalReferenceId\":null,"
                + "\"createdDateTime\":\"" + created + "\",\"updatedDateTime\":\"" + updated + "\","
                + "\"expirationDateTime\":\"" + created.plusSeconds(90L * 86_400) + "\","
                + "\"status\":\"" + status + "\",\"substatus\":\"" + substatus + "\",\"statusReason\":null,"
                + "\"qualification\":\"" + qualification + "\",\"type\":\"" + (shared ? "Shared" : "Independent")
                + "\","
                + "\"direction\":\"Incoming\",\"customerProfile\":{\"name\":\"" + customer + "\","
                + "\"address\":{\"addressLine1\":\"Büyükdere Cad. No:" + random.nextInt(300)
                + "\",\"addressLine2\":null,"
                + "\"city\":\"" + CITIES[city] + "\",\"state\":null,\"postalCode\":\"" + (34000 + random.nextInt(999))
                + "\",\"country\":\"" + COUNTRIES[city] + "\",\"region\":null},"
                + "\"size\":\"" + SIZES[random.nextInt(SIZES.length)] + "\","
                + "\"ids\":[{\"profileType\":\"External\",\"id\":\"https://www." + domain + "\"}],"
                + "\"team\":[{\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                + "\",\"phoneNumber\":\"+90 212 555 "
                + (1000 + random.nextInt(8999)) + "\",\"email\":\"" + email + "\"}]},"
                + "\"consent\":{\"consentToShareReferralWithMicrosoftSellers\":true,\"consentToContact\":true},"
                + "\"details\":{\"notes\":\"Customer is evaluating a migration of 250 seats from on-premises "
                + "Exchange to "
                + "Microsoft 365 E3, with Teams Phone and Intune; decision expected this quarter.\","
                + "\"dealValue\":" + deal + ",\"currency\":\"USD\",\"closingDateTime\":\""
                + created.plusSeconds(60L * 86_400) + "\",\"requirements\":{\"solutions\":[{\"id\":\"sol-"
                + (random.nextInt(90) + 10)
                + "\",\"name\":\"Modern Workplace\"}],\"industries\":[\"Manufacturing\",\"Retail\"],"
                + "\"products\":[\"Microsoft 365 E3\",\"Teams Phone\",\"Intune\"]}},"
                + "\"team\":[{\"firstName\":\"Partner\",\"lastName\":\"Seller\",\"email\":\"seller@hunter.example\"}],"
                + "\"inviteContext\":{\"invitedBy\":{\"organizationId\":\"msft\",\"organizationName\":\"Microsoft\"},"
                + "\"notes\":\"Please reach out within 48 hours.\"},"
                + "\"eTag\":\"\\\"" + Integer.toHexString(id.hashCode()) + "-0000\\\"\",\"target\":null}";
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name.replace("ı", "i"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
