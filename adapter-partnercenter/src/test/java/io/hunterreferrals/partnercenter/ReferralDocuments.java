package io.hunterreferrals.partnercenter;

import static io.hunterreferrals.core.testing.HostileStrings.pick;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hunterreferrals.core.testing.HostileStrings;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Referral documents for the property tests: realistic valid ones shaped like the simulator's and the API docs', and
 * the same with fields replaced by wrong types, nulls, huge or broken strings, deep nesting and numbers out of range.
 * Values that Jackson would refuse to write (2,000 levels deep, invalid JSON) go in as raw text after serialising.
 */
final class ReferralDocuments {

    static final String FULL = """
            {"id":"0f6c1c2e-1111","engagementId":"5b1d","name":"Contoso \\u2013 M365 rollout",
             "createdDateTime":"2024-05-02T10:11:12.1234567Z","updatedDateTime":"2024-05-03T08:00:00.0000000Z",
             "expirationDateTime":"","status":"Active","substatus":"Accepted","statusReason":null,"type":"Shared",
             "qualification":"SalesQualified","direction":"Incoming","referralSource":"","callToAction":null,
             "eTag":"\\"8500e212-0000\\"","externalReferenceId":"CRM-1",
             "customerProfile":{"name":"Contoso Ltd","size":"51to250employees","address":{"country":"DE","city":"Berlin"},
               "team":[{"firstName":"Ana","email":"ana@contoso.example"},{"email":""},null],
               "ids":[{"profileType":"Duns","id":"123456789"},{"profileType":"External","id":"CRM-42"}]},
             "details":{"dealValue":30000.10,"currency":"EUR"},
             "inviteContext":{"invitedBy":{"organizationId":"msft","organizationName":"Microsoft"}},
             "somethingNew":{"nested":[1,2,3]}}""";

    static final String MARKETPLACE = """
            {"id":"6a1f0d3e-9b2c-4c1d-8e7f-000000000042","engagementId":"e-42","name":"Şahin Bilişim – Azure",
             "organizationId":"p-1","createdDateTime":"2025-01-10T09:00:00Z","updatedDateTime":"2025-01-11T09:00:00.5",
             "acceptedDateTime":null,"expirationDateTime":"2025-01-24","closedDateTime":null,"status":"New",
             "substatus":"Pending","statusReason":"","type":"Independent","qualification":"MarketplaceLead",
             "direction":"Incoming","referralSource":"Marketplace","callToAction":"ContactMe","salesStage":"100",
             "eTag":"\\"0100-aa\\"","target":[{"type":"SolutionProfile","id":"SOL-1234"}],
             "customerProfile":{"name":"Şahin Bilişim A.Ş.","address":{"country":"TR"},
               "team":{"firstName":"Ayşe","email":"ayse@sahinbilisim.com.tr"},
               "ids":{"profileType":"External","id":"https://www.sahinbilisim.com.tr/iletisim"}},
             "details":{"notes":"Fiyat teklifi istiyor","dealValue":"12500.50","currency":"TRY"},
             "team":[{"email":"seller@partner.example"}],"links":{"self":{"uri":"https://api.example/x","method":"GET"}},
             "tags":[],"favorite":false,"isSpam":false}""";

    static final String LEGACY = """
            {"id":42,"name":"Old import","status":"Closed","substatus":"Won","createdDateTime":"2023-03-01",
             "website":"www.fabrikam.de","companyWebsite":"fabrikam.de","contact":{"email":"c@fabrikam.de"},
             "email":"e@fabrikam.de","customerProfile":{},"details":{"dealValue":0},"inviteContext":""}""";

    static final List<String> BASES = List.of(FULL, MARKETPLACE, LEGACY);

    /** Where mutations aim most: the fields the mapper reads, and the shapes around them. */
    private static final List<String> READ_PATHS = List.of(
            "/id",
            "/id",
            "/engagementId",
            "/name",
            "/status",
            "/type",
            "/createdDateTime",
            "/updatedDateTime",
            "/expirationDateTime",
            "/eTag",
            "/customerProfile",
            "/customerProfile/team",
            "/customerProfile/team/0",
            "/customerProfile/team/0/email",
            "/customerProfile/ids",
            "/customerProfile/ids/0/id",
            "/customerProfile/ids/0/profileType",
            "/customerProfile/address",
            "/customerProfile/address/country",
            "/details",
            "/details/dealValue",
            "/details/dealValue",
            "/details/currency",
            "/inviteContext",
            "/inviteContext/invitedBy",
            "/inviteContext/invitedBy/organizationId",
            "/website",
            "/contact",
            "/contact/email",
            "/email");

    /** Fields read as text: any scalar there must leave a referral readable. */
    static final List<String> TEXT_PATHS = List.of(
            "/name",
            "/type",
            "/qualification",
            "/direction",
            "/status",
            "/substatus",
            "/statusReason",
            "/referralSource",
            "/callToAction",
            "/eTag",
            "/externalReferenceId",
            "/customerProfile/name",
            "/customerProfile/size",
            "/details/currency");

    private static final String MARKER = "@@raw-json-";

    private ReferralDocuments() {}

    static String base(SplittableRandom r) {
        return pick(BASES, r);
    }

    /** A base document with one to four fields replaced, removed or added. */
    static String mutated(SplittableRandom r) {
        ObjectNode doc = tree(base(r));
        List<String> raws = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            String path = r.nextInt(3) == 0 ? randomPath(doc, r) : pick(READ_PATHS, r);
            if (r.nextInt(8) == 0) {
                remove(doc, path);
            } else {
                set(doc, path, rawValue(r, raws));
            }
        }
        if (r.nextInt(4) == 0) {
            doc.set(HostileStrings.upTo(r, 40), TextNode.valueOf(rawValue(r, raws)));
        }
        return withRaws(doc.toString(), raws);
    }

    /** A base document with text fields set to any scalar and unknown fields to anything well-formed. */
    static String withOddButReadableValues(SplittableRandom r) {
        ObjectNode doc = tree(base(r));
        List<String> raws = new ArrayList<>();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            set(
                    doc,
                    pick(TEXT_PATHS, r),
                    marker(
                            raws,
                            pick(
                                    List.of(
                                            "null",
                                            "true",
                                            "0",
                                            "-1e400",
                                            "\"\"",
                                            "1180591620717411303424",
                                            json(HostileStrings.any(r)),
                                            "\"\\ud800\"",
                                            "\"\\u0000\""),
                                    r)));
        }
        set(
                doc,
                "/zz" + r.nextInt(100),
                marker(raws, r.nextBoolean() ? nested(r.nextInt(500), r) : json(HostileStrings.any(r))));
        set(
                doc,
                pick(List.of("/website", "/companyWebsite", "/email", "/contact"), r),
                marker(raws, pick(List.of("[1]", "{}", "42", "null", json(HostileStrings.any(r))), r)));
        return withRaws(doc.toString(), raws);
    }

    /** {@code base} with the value at {@code path} (a JSON pointer whose parent exists) replaced by raw JSON text. */
    static String with(String base, String path, String rawJson) {
        ObjectNode doc = tree(base);
        List<String> raws = new ArrayList<>();
        set(doc, path, marker(raws, rawJson));
        return withRaws(doc.toString(), raws);
    }

    /** One JSON value as text: mostly valid but hostile, sometimes beyond Jackson's limits or not JSON at all. */
    static String rawJson(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 ->
                pick(
                        List.of(
                                "null",
                                "true",
                                "false",
                                "0",
                                "-0",
                                "-1",
                                "0.1",
                                "1.0e+2",
                                "1e400",
                                "-1e400",
                                "1E-400",
                                "1180591620717411303424",
                                "-9223372036854775809",
                                "1" + "0".repeat(900)),
                        r);
            case 1 ->
                pick(
                        List.of(
                                "[]",
                                "{}",
                                "[null]",
                                "[1,2]",
                                "{\"a\":1}",
                                "[{}]",
                                "[[]]",
                                "{\"email\":{}}",
                                "[{\"email\":[\"x\"]}]",
                                "{\"id\":null}",
                                "{\"0\":{\"id\":\"x\"}}"),
                        r);
            case 2 ->
                pick(
                        List.of(
                                "\"2024-13-45T25:61:00Z\"",
                                "\"yesterday\"",
                                "\"2024-05-02T10:11:12+25:00\"",
                                "\"+999999999-12-31T23:59:59Z\"",
                                "\"-999999999-01-01\"",
                                "\"+1000000000-01-01T00:00:00Z\"",
                                "\"2024-02-30\"",
                                "\"2024-05-02T10:11:12.1234567891234Z\"",
                                "\"2024-05-02 10:11:12\"",
                                "\"1714644672\"",
                                "1714644672",
                                "\"2024-05-02T10:11:12Z[Europe/Berlin]\""),
                        r);
            case 3 ->
                pick(
                        List.of(
                                "\"1e400\"",
                                "\"NaN\"",
                                "\"Infinity\"",
                                "\"1e999999999\"",
                                "\"1e9999999999\"",
                                "\"0x10\"",
                                "\"  12.5  \"",
                                "\"12,5\"",
                                "\"-\"",
                                "\"" + "9".repeat(5000) + "\""),
                        r);
            case 4 ->
                pick(
                        List.of(
                                "\"\\ud800\"",
                                "\"\\udfff\\ud800\"",
                                "\"\\u0000\"",
                                "\"a\\u0000b\"",
                                "\"\\uffff\"",
                                "\"\\\\u0000\""),
                        r);
            case 5 -> nested(pick(List.of(10, 999, 1000, 1001, 2000, 5000), r), r);
            case 6 -> json(HostileStrings.huge(r));
            case 7 ->
                pick(
                        List.of(
                                "NaN",
                                "Infinity",
                                "'single'",
                                "undefined",
                                "0x1F",
                                "01",
                                ".5",
                                "+1",
                                "\"open",
                                "[1,",
                                "{\"a\"}",
                                "1" + "0".repeat(1200),
                                "tru"),
                        r);
            default -> json(HostileStrings.any(r));
        };
    }

    /** {@code depth} levels of arrays or objects. */
    static String nested(int depth, SplittableRandom r) {
        return nested(depth, r.nextBoolean());
    }

    static String nested(int depth, boolean arrays) {
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A Java string as a JSON string, lone surrogates and all (Jackson writes them through unchanged). */
    static String json(String text) {
        try {
            return PageParser.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) PageParser.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rawValue(SplittableRandom r, List<String> raws) {
        return marker(raws, rawJson(r));
    }

    private static String marker(List<String> raws, String rawJson) {
        raws.add(rawJson);
        return MARKER + (raws.size() - 1);
    }

    private static String withRaws(String json, List<String> raws) {
        String out = json;
        for (int i = raws.size() - 1; i >= 0; i--) {
            out = out.replace("\"" + MARKER + i + "\"", raws.get(i));
        }
        return out;
    }

    /** Sets the value at a JSON pointer whose parent exists (a string marker stands for the raw text). */
    private static void set(ObjectNode doc, String path, String marker) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? doc : doc.at(path.substring(0, slash));
        String key = path.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(key, TextNode.valueOf(marker));
        } else if (parent instanceof ArrayNode array
                && key.chars().allMatch(Character::isDigit)
                && !key.isEmpty()
                && Integer.parseInt(key) < array.size()) {
            array.set(Integer.parseInt(key), TextNode.valueOf(marker));
        }
    }

    private static void remove(ObjectNode doc, String path) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? doc : doc.at(path.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(path.substring(slash + 1));
        }
    }

    /** Any field or element of the document, as a JSON pointer (the bases' keys need no escaping). */
    private static String randomPath(JsonNode doc, SplittableRandom r) {
        List<String> paths = new ArrayList<>();
        collect(doc, "", paths);
        return paths.isEmpty() ? "/id" : pick(paths, r);
    }

    private static void collect(JsonNode node, String at, List<String> paths) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                String path = at + "/" + e.getKey();
                paths.add(path);
                collect(e.getValue(), path, paths);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                paths.add(at + "/" + i);
                collect(array.get(i), at + "/" + i, paths);
            }
        }
    }
}
