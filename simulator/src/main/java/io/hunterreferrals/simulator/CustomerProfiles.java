package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.SampleData.Company;
import io.hunterreferrals.simulator.SampleData.Person;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Builds customerProfile (address, contacts, ids) in the shape and with the quirks a referral parser must accept. */
final class CustomerProfiles {

    private CustomerProfiles() {}

    static ObjectNode build(Company company, ContactStyle contacts, IdsStyle ids, RandomGenerator r) {
        ObjectNode profile = Json.object();
        profile.put("name", company.name());
        int size = r.nextInt(SampleData.SIZES.size() + 2);
        if (size < SampleData.SIZES.size()) {
            profile.put("size", SampleData.SIZES.get(size));
        } else if (size == SampleData.SIZES.size()) {
            profile.put("size", ""); // real payloads often carry "" here
        } else {
            profile.putNull("size");
        }
        profile.put("isMatchingComplete", r.nextBoolean());
        profile.set("address", address(company, r));
        team(profile, company, contacts, r);
        ids(profile, company, ids, r);
        return profile;
    }

    private static ObjectNode address(Company c, RandomGenerator r) {
        ObjectNode a = Json.object()
                .put("addressLine1", c.addressLine1())
                .put("addressLine2", r.nextBoolean() ? "" : null)
                .put("city", c.city())
                .put("state", c.state())
                .put("postalCode", c.postalCode())
                .put("country", c.country());
        a.putNull("region");
        return a;
    }

    private static void team(ObjectNode profile, Company c, ContactStyle style, RandomGenerator r) {
        Person p = pick(SampleData.CUSTOMER_PEOPLE, r);
        String companyEmail = p.mailbox() + "@" + c.domain();
        switch (style) {
            case COMPANY -> profile.putArray("team").add(member(p, companyEmail, c, r));
            case CONSUMER ->
                profile.putArray("team").add(member(p, p.mailbox() + "@" + pick(SampleData.CONSUMER_DOMAINS, r), c, r));
            case SECOND_COMPANY_CONTACT -> {
                Person q = pick(SampleData.CUSTOMER_PEOPLE, r);
                profile.putArray("team")
                        .add(member(p, companyEmail, c, r))
                        .add(member(q, q.mailbox() + "@" + c.domain(), c, r));
            }
            case MIXED_CONSUMER_AND_COMPANY -> {
                Person q = pick(SampleData.CUSTOMER_PEOPLE, r);
                profile.putArray("team")
                        .add(member(q, q.mailbox() + "@" + pick(SampleData.CONSUMER_DOMAINS, r), c, r))
                        .add(member(p, companyEmail, c, r));
            }
            case CANARY -> {
                ObjectNode m = member(new Person("Canary", "Müşteri", "canary.customer"), Canary.CUSTOMER_EMAIL, c, r);
                m.put("phoneNumber", Canary.CUSTOMER_PHONE);
                profile.putArray("team").add(m);
            }
            case UPPER_CASE_EMAIL ->
                profile.putArray("team")
                        .add(member(
                                p,
                                " " + p.mailbox().toUpperCase(Locale.ROOT) + "@"
                                        + c.domain().toUpperCase(Locale.ROOT) + " ",
                                c,
                                r));
            case SINGLE_OBJECT_TEAM -> profile.set("team", member(p, companyEmail, c, r));
            case MEMBER_WITHOUT_EMAIL -> profile.putArray("team").add(member(p, null, c, r));
            case EMPTY_STRING_EMAIL -> profile.putArray("team").add(member(p, "", c, r));
            case EMPTY_TEAM -> profile.putArray("team");
            case NULL_TEAM -> profile.putNull("team");
            case NO_TEAM_KEY -> {}
        }
    }

    static ObjectNode member(Person p, String email, Company c, RandomGenerator r) {
        ObjectNode m = Json.object()
                .put("firstName", p.firstName())
                .put("lastName", p.lastName())
                .put("email", email)
                .put(
                        "phoneNumber",
                        r.nextInt(4) == 0 ? "" : c.phonePrefix() + " " + (1_000_000 + r.nextInt(8_999_999)));
        m.putNull("title");
        m.putObject("contactPreference").put("locale", c.locale()).put("disableNotifications", false);
        return m;
    }

    private static void ids(ObjectNode profile, Company c, IdsStyle style, RandomGenerator r) {
        String duns = String.format(Locale.ROOT, "%09d", r.nextInt(1_000_000_000));
        switch (style) {
            case DUNS_AND_EXTERNAL -> {
                ArrayNode a = profile.putArray("ids");
                a.addObject().put("profileType", "Duns").put("id", duns);
                a.addObject().put("profileType", "External").put("id", "CRM-" + r.nextInt(100_000));
            }
            case EXTERNAL_URL ->
                profile.putArray("ids")
                        .addObject()
                        .put("profileType", "External")
                        .put("id", "https://www." + c.domain() + "/");
            case EXTERNAL_HOST ->
                profile.putArray("ids")
                        .addObject()
                        .put("profileType", "External")
                        .put("id", "www." + c.domain());
            case EXTERNAL_IDN_HOST ->
                profile.putArray("ids")
                        .addObject()
                        .put("profileType", "External")
                        .put("id", "örnek.com.tr");
            case DUNS_ONLY ->
                profile.putArray("ids").addObject().put("profileType", "Duns").put("id", duns);
            case SINGLE_OBJECT ->
                profile.putObject("ids").put("profileType", "Duns").put("id", duns);
            case EMPTY_ARRAY -> profile.putArray("ids");
            case EMPTY_OBJECT -> profile.putObject("ids");
            case NO_IDS_KEY -> {}
        }
    }

    static <T> T pick(java.util.List<T> list, RandomGenerator r) {
        return list.get(r.nextInt(list.size()));
    }
}
