package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: referrals that pass the default filter unless a test says otherwise. */
public final class TestReferrals {

    public static final Instant BASE_TIME = Instant.parse("2025-05-02T10:00:00Z");

    private TestReferrals() {}

    /** An Incoming, New, Shared (co-sell) referral of Contoso, updated at {@link #BASE_TIME}. */
    public static Referral.Builder aReferral(String id) {
        return Referral.builder(id)
                .engagementId("eng-" + id)
                .name("Contoso – M365 rollout " + id)
                .type("Shared")
                .qualification("SalesQualified")
                .direction("Incoming")
                .status("New")
                .substatus("Received")
                .customer(new CustomerProfile(
                        "Contoso Ltd", "TR", "51to250employees", List.of("ana@contoso.com.tr"), List.of()))
                .dealValue(new DealValue(new BigDecimal("30000.00"), "EUR"))
                .createdAt(BASE_TIME.minusSeconds(3600))
                .updatedAt(BASE_TIME)
                .invitedByOrganizationId("msft")
                .eTag("\"etag-" + id + "\"")
                .raw("{\"id\":\"" + id + "\"}");
    }

    /** A referral of a customer whose contact e-mail is at {@code domain}. */
    public static Referral.Builder aReferralOf(String id, String customerName, String emailDomain) {
        return aReferral(id)
                .customer(new CustomerProfile(customerName, "TR", null, List.of("contact@" + emailDomain), List.of()));
    }

    /** A record the source could not read, with a payload that names it (or its reason, without an id). */
    public static SourceRecord.Unreadable unreadable(String idOrNull, String reason) {
        String json = idOrNull == null
                ? "{\"name\":\"without an id (" + reason + ")\"}"
                : "{\"id\":\"" + idOrNull + "\",\"updatedDateTime\":\"not a date\"}";
        return new SourceRecord.Unreadable(
                java.util.Optional.ofNullable(idOrNull),
                reason,
                idOrNull == null ? java.util.Optional.empty() : java.util.Optional.of("not a date"),
                new io.hunterreferrals.core.referral.RawPayload(json));
    }
}
