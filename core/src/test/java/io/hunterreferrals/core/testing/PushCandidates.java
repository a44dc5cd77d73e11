package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.ReferralRecord;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Optional;

/** Stored referrals as the push reads them, for push tests. */
public final class PushCandidates {

    private PushCandidates() {}

    /** A co-sell referral of Contoso with a contact, a deal value and notes; {@code version} stands for its content. */
    public static PushCandidate aCandidate(String id, int version) {
        return new PushCandidate(
                ReferralId.of(id),
                hash(id + "#" + version),
                "Dynamics rollout " + id,
                "Contoso Ltd",
                Optional.of(Domain.of("contoso.com")),
                "DE",
                new DealValue(new BigDecimal("25000.00"), "EUR"),
                "Wants a pilot in Q3 (v" + version + ")",
                Optional.of(new CustomerContact("Ana", "Example", "ana@contoso.com", "+49 30 1234")),
                ReferralCategory.CO_SELL,
                "Active",
                "Accepted",
                Optional.of("\"etag-" + id + "-" + version + "\""),
                Optional.empty(),
                Optional.empty());
    }

    /** The same referral with another status, as a sync that saw the change would store it. */
    public static PushCandidate withStatus(PushCandidate c, String status, String substatus) {
        return new PushCandidate(
                c.referralId(),
                hash(c.storedHash().hex() + status + substatus),
                c.name(),
                c.companyName(),
                c.domain(),
                c.country(),
                c.dealValue(),
                c.notes(),
                c.contact(),
                c.category(),
                status,
                substatus,
                c.eTag(),
                c.externalReferenceId(),
                c.state());
    }

    /**
     * A record as the push reads it once the sync has stored it (the columns {@code partner_center_referrals} holds):
     * what an in-memory store is given where PostgreSQL reads the row the sync wrote.
     */
    public static PushCandidate stored(ReferralRecord record) {
        Referral r = record.referral();
        Optional<Domain> domain = record.domain() instanceof DomainExtraction.Found found
                ? Optional.of(found.domain())
                : Optional.empty();
        return new PushCandidate(
                r.id(),
                record.hash(),
                r.name(),
                r.customer().name(),
                domain,
                r.customer().country(),
                r.dealValue(),
                r.notes(),
                r.customer().primaryContact(),
                record.classification().category(),
                r.status().raw(),
                r.substatus().raw(),
                Optional.ofNullable(r.eTag()),
                Optional.ofNullable(r.externalReferenceId()),
                Optional.empty());
    }

    /**
     * The same referral as a sync stores it after Partner Center changed its {@code externalReferenceId} (a new eTag
     * and content hash, the same lead values).
     */
    public static PushCandidate withExternalReferenceId(PushCandidate c, String externalReferenceId) {
        return new PushCandidate(
                c.referralId(),
                hash(c.storedHash().hex() + "ext" + externalReferenceId),
                c.name(),
                c.companyName(),
                c.domain(),
                c.country(),
                c.dealValue(),
                c.notes(),
                c.contact(),
                c.category(),
                c.status(),
                c.substatus(),
                Optional.of("\"etag-" + c.referralId().value() + "-ext\""),
                Optional.ofNullable(externalReferenceId),
                c.state());
    }

    /** A content hash standing for {@code content}. */
    public static ContentHash hash(String content) {
        byte[] bytes = new byte[32];
        byte[] text = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            bytes[i % 32] = (byte) (bytes[i % 32] * 31 + text[i]);
        }
        return new ContentHash(HexFormat.of().formatHex(bytes));
    }
}
