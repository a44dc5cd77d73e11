package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.Direction;
import io.hunterreferrals.core.referral.Qualification;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralStatus;
import io.hunterreferrals.core.referral.ReferralType;
import io.hunterreferrals.core.sync.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope parser and the lenient referral mapping, on hand-written payloads shaped like real ones. */
class ReferralMappingTest {

    private static final String FULL = """
            {
              "id": "0f6c1c2e-1111", "engagementId": "5b1d", "name": "Contoso \\u2013 M365 rollout",
              "createdDateTime": "2024-05-02T10:11:12.1234567Z", "updatedDateTime": "2024-05-03T08:00:00.0000000Z",
              "expirationDateTime": "", "status": "Active", "substatus": "Accepted", "statusReason": null,
              "type": "Shared", "qualification": "SalesQualified", "direction": "Incoming",
              "referralSource": "", "callToAction": null, "eTag": "\\"8500e212-0000\\"", "externalReferenceId": "CRM-1",
              "customerProfile": {
                "name": "Contoso Ltd", "size": "51to250employees",
                "address": { "country": "DE", "city": "Berlin" },
                "team": [ { "firstName": "Ana", "email": "ana@contoso.example" }, { "email": "" }, null ],
                "ids": [ { "profileType": "Duns", "id": "123456789" }, { "profileType": "External", "id": "CRM-42" } ]
              },
              "details": { "dealValue": 30000.10, "currency": "EUR" },
              "inviteContext": { "invitedBy": { "organizationId": "msft", "organizationName": "Microsoft" } },
              "somethingNew": { "nested": [1, 2, 3] }
            }""";

    private static Referral readable(String json) {
        SourceRecord r = single(json);
        assertThat(r).isInstanceOf(SourceRecord.Readable.class);
        return ((SourceRecord.Readable) r).referral();
    }

    private static Map.Entry<Optional<String>, String> failure(Optional<String> id, String reason) {
        return Map.entry(id, reason);
    }

    /** The id and reason of the one unreadable record {@code json} maps to. */
    private static Map.Entry<Optional<String>, String> failureOf(String json) {
        SourceRecord.Unreadable record = (SourceRecord.Unreadable) single(json);
        return Map.entry(record.referralId(), record.reason());
    }

    private static SourceRecord single(String json) {
        try {
            PageParser.ParsedPage page = PageParser.parse("{\"value\":[" + json + "]}");
            assertThat(page.items()).hasSize(1);
            return ReferralMapper.map(page.items().getFirst());
        } catch (PageParser.MalformedPage e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDocumentedReferralMapsCompletely() {
        Referral r = readable(FULL);

        assertThat(r.id().value()).isEqualTo("0f6c1c2e-1111");
        assertThat(r.engagementId().value()).isEqualTo("5b1d");
        assertThat(r.name()).isEqualTo("Contoso \u2013 M365 rollout");
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2024-05-02T10:11:12.1234567Z"));
        assertThat(r.updatedAt()).isEqualTo(Instant.parse("2024-05-03T08:00:00Z"));
        assertThat(r.expiresAt()).isNull();
        assertThat(r.status().value()).isEqualTo(ReferralStatus.ACTIVE);
        assertThat(r.type().value()).isEqualTo(ReferralType.SHARED);
        assertThat(r.qualification().value()).isEqualTo(Qualification.SALES_QUALIFIED);
        assertThat(r.direction().value()).isEqualTo(Direction.INCOMING);
        assertThat(r.referralSource()).isNull();
        assertThat(r.statusReason()).isNull();
        assertThat(r.eTag()).isEqualTo("\"8500e212-0000\"");
        assertThat(r.externalReferenceId()).isEqualTo("CRM-1");
        assertThat(r.customer().name()).isEqualTo("Contoso Ltd");
        assertThat(r.customer().country()).isEqualTo("DE");
        assertThat(r.customer().size()).isEqualTo("51to250employees");
        assertThat(r.customer().teamEmails()).containsExactly("ana@contoso.example");
        assertThat(r.customer().ids())
                .containsExactly(new CustomerId("Duns", "123456789"), new CustomerId("External", "CRM-42"));
        assertThat(r.dealValue().amount()).isEqualByComparingTo(new BigDecimal("30000.10"));
        assertThat(r.dealValue().amount().toPlainString()).isEqualTo("30000.10");
        assertThat(r.dealValue().currency()).isEqualTo("EUR");
        assertThat(r.invitedByOrganizationId()).isEqualTo("msft");
    }

    @Test
    void theRawPayloadIsTheExactTextAsReceived() throws Exception {
        String second = "{ \"id\" : \"b\",\"n\":1.50, \"s\":\"\\u00e9\\n\"   }";
        String body = "{\"@odata.count\":2,\"value\":[" + FULL + " ,\n  " + second + "],\"@odata.nextLink\":null}";

        PageParser.ParsedPage page = PageParser.parse(body);

        assertThat(page.items()).extracting(PageParser.RawItem::json).containsExactly(FULL, second);
        assertThat(ReferralMapper.map(page.items().get(1)))
                .isInstanceOfSatisfying(
                        SourceRecord.Readable.class,
                        r -> assertThat(r.referral().raw().json()).isEqualTo(second));
        assertThat(page.totalCount()).hasValue(2);
        assertThat(page.nextLink()).isEmpty();
    }

    @Test
    void teamAndIdsMayBeSingleObjects() {
        Referral r = readable("""
                {"id":"x","customerProfile":{"team":{"email":"solo@contoso.example"},"ids":{"profileType":"External","id":"contoso.example"}}}""");

        assertThat(r.customer().teamEmails()).containsExactly("solo@contoso.example");
        assertThat(r.customer().ids()).containsExactly(new CustomerId("External", "contoso.example"));
    }

    @Test
    void anEmptyIdsObjectMeansNoIds() {
        assertThat(readable("{\"id\":\"x\",\"customerProfile\":{\"ids\":{},\"team\":[]}}")
                        .customer()
                        .ids())
                .isEmpty();
    }

    @Test
    void emptyStringsAreAbsent() {
        Referral r = readable("""
                {"id":"x","name":"","engagementId":"","type":"","customerProfile":{"name":"","address":{"country":""}},
                 "details":{"dealValue":"","currency":""},"inviteContext":""}""");

        assertThat(r.name()).isNull();
        assertThat(r.engagementId()).isNull();
        assertThat(r.type().isPresent()).isFalse();
        assertThat(r.customer().name()).isNull();
        assertThat(r.customer().country()).isNull();
        assertThat(r.dealValue()).isNull();
        assertThat(r.invitedByOrganizationId()).isNull();
    }

    @Test
    void unknownEnumValuesAreKeptAsText() {
        Referral r =
                readable("{\"id\":\"x\",\"type\":\"Joint\",\"status\":\"Archived\",\"qualification\":\"AiQualified\"}");

        assertThat(r.type().value()).isEqualTo(ReferralType.UNKNOWN);
        assertThat(r.type().raw()).isEqualTo("Joint");
        assertThat(r.status().raw()).isEqualTo("Archived");
        assertThat(r.qualification().raw()).isEqualTo("AiQualified");
    }

    @Test
    void timestampsWithOffsetsOrWithoutZoneAreUtc() {
        Referral r = readable("""
                {"id":"x","createdDateTime":"2024-05-02T12:11:12.1234567+02:00","updatedDateTime":"2024-05-03T08:00:00.5",
                 "expirationDateTime":"2024-06-01"}""");

        assertThat(r.createdAt()).isEqualTo(Instant.parse("2024-05-02T10:11:12.1234567Z"));
        assertThat(r.updatedAt()).isEqualTo(Instant.parse("2024-05-03T08:00:00.5Z"));
        assertThat(r.expiresAt()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    }

    @Test
    void numericTextDealValuesAreExact() {
        assertThat(readable("{\"id\":\"x\",\"details\":{\"dealValue\":\"0.1\"}}")
                        .dealValue()
                        .amount())
                .isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void legacyTopLevelContactFieldsAreKept() {
        Referral r = readable("""
                {"id":"x","website":"www.contoso.example","companyWebsite":"contoso.example",
                 "contact":{"email":"c@contoso.example"},"email":"e@contoso.example"}""");

        assertThat(r.legacy().website()).isEqualTo("www.contoso.example");
        assertThat(r.legacy().companyWebsite()).isEqualTo("contoso.example");
        assertThat(r.legacy().contactEmail()).isEqualTo("c@contoso.example");
        assertThat(r.legacy().email()).isEqualTo("e@contoso.example");
        // an odd legacy shape never makes a referral unreadable
        assertThat(readable("{\"id\":\"y\",\"contact\":\"someone\",\"website\":[\"a\"]}")
                        .legacy()
                        .website())
                .isNull();
    }

    @Test
    void anUnmappableReferralIsKeptWholeWithTheUpdateTimeItWasSent() {
        String json = "{\"id\":\"a\",\"updatedDateTime\":\"yesterday\",\"name\":\"Ç\"}";
        SourceRecord.Unreadable record = (SourceRecord.Unreadable) single(json);

        assertThat(record.payload().json()).isEqualTo(json);
        assertThat(record.updatedDateTime()).contains("yesterday");
        assertThat(((SourceRecord.Unreadable) single("{\"name\":\"no id\"}")).updatedDateTime())
                .isEmpty();
    }

    @Test
    void unmappableReferralsGetAReasonCode() {
        assertThat(failureOf("{\"name\":\"no id\"}")).isEqualTo(failure(Optional.empty(), "missing_id"));
        assertThat(failureOf("{\"id\":\"\"}")).isEqualTo(failure(Optional.empty(), "missing_id"));
        assertThat(failureOf("{\"id\":\"a\",\"updatedDateTime\":\"yesterday\"}"))
                .isEqualTo(failure(Optional.of("a"), "bad_timestamp"));
        assertThat(failureOf("{\"id\":\"a\",\"createdDateTime\":12345}"))
                .isEqualTo(failure(Optional.of("a"), "bad_timestamp"));
        assertThat(failureOf("{\"id\":\"b\",\"customerProfile\":\"Contoso\"}"))
                .isEqualTo(failure(Optional.of("b"), "invalid_referral"));
        assertThat(failureOf("{\"id\":\"c\",\"details\":{\"dealValue\":\"lots\"}}"))
                .isEqualTo(failure(Optional.of("c"), "invalid_referral"));
        assertThat(failureOf("{\"id\":\"d\",\"name\":{\"first\":\"x\"}}"))
                .isEqualTo(failure(Optional.of("d"), "invalid_referral"));
        assertThat(failureOf("{\"id\":{\"x\":1}}")).isEqualTo(failure(Optional.empty(), "invalid_referral"));
        assertThat(failureOf("\"just a string\"")).isEqualTo(failure(Optional.empty(), "invalid_referral"));
        assertThat(failureOf("{\"id\":\"" + "z".repeat(300) + "\"}").getValue()).isEqualTo("invalid_referral");
    }

    @Test
    void envelopesThatAreNotTheDocumentedShapeAreMalformed() {
        for (String body : List.of(
                "",
                "[]",
                "{\"value\":{}}",
                "{\"@odata.count\":3}",
                "{\"value\":[{\"id\":\"a\"}",
                "<html>gateway</html>",
                "{\"value\":[]} trailing")) {
            assertThatThrownBy(() -> PageParser.parse(body)).as(body).isInstanceOf(PageParser.MalformedPage.class);
        }
    }

    @Test
    void malformedMessagesNeverQuoteThePayload() {
        assertThatThrownBy(() -> PageParser.parse("{\"value\":[{\"email\":\"secret@contoso.example\" oops}]}"))
                .isInstanceOf(PageParser.MalformedPage.class)
                .message()
                .doesNotContain("secret");
    }
}
