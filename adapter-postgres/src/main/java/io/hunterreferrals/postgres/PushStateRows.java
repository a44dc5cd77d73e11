package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_STATE;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.postgres.jooq.tables.DynamicsPushState;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The rows the push reads, as core's records: a stored referral with its push state ({@link PushCandidate}), and one
 * {@code dynamics_push_state} row ({@link PushState}). One owner of the mapping for the store and the queries.
 */
final class PushStateRows {

    static final DynamicsPushState STATE = DYNAMICS_PUSH_STATE;

    /** What a lead is made of, what a write-back needs, and the referral's state. */
    static final List<Field<?>> CANDIDATE_COLUMNS = List.of(
            PCR.REFERRAL_ID,
            PCR.CONTENT_HASH,
            PCR.NAME,
            PCR.COMPANY_NAME,
            PCR.DOMAIN,
            PCR.CUSTOMER_COUNTRY,
            PCR.DEAL_VALUE,
            PCR.CURRENCY,
            PCR.NOTES,
            PCR.CONTACT_FIRST_NAME,
            PCR.CONTACT_LAST_NAME,
            PCR.CONTACT_EMAIL,
            PCR.CONTACT_PHONE,
            PCR.REFERRAL_TYPE,
            PCR.STATUS,
            PCR.SUBSTATUS,
            PCR.ETAG,
            PCR.EXTERNAL_REFERENCE_ID,
            STATE.REFERRAL_ID,
            STATE.STATUS,
            STATE.LEAD_ID,
            STATE.LEAD_HASH,
            STATE.MAPPING_VERSION,
            STATE.PUSHED_AT,
            STATE.ATTEMPTS,
            STATE.LAST_ERROR_CODE,
            STATE.LAST_ERROR,
            STATE.UPDATED_AT,
            STATE.WRITE_BACK_STATUS,
            STATE.WRITE_BACK_AT,
            STATE.WRITE_BACK_ERROR_CODE,
            STATE.WRITE_BACK_ERROR);

    private PushStateRows() {}

    /** A row of {@link #CANDIDATE_COLUMNS}; the state is empty when the LEFT JOIN found none. */
    static PushCandidate candidate(Record r) {
        String domain = r.get(PCR.DOMAIN);
        CustomerContact contact = new CustomerContact(
                r.get(PCR.CONTACT_FIRST_NAME),
                r.get(PCR.CONTACT_LAST_NAME),
                r.get(PCR.CONTACT_EMAIL),
                r.get(PCR.CONTACT_PHONE));
        return new PushCandidate(
                ReferralId.of(r.get(PCR.REFERRAL_ID)),
                new ContentHash(r.get(PCR.CONTENT_HASH)),
                r.get(PCR.NAME),
                r.get(PCR.COMPANY_NAME),
                Optional.ofNullable(domain).map(Domain::new), // stored canonical: checked, not parsed again
                r.get(PCR.CUSTOMER_COUNTRY),
                r.get(PCR.DEAL_VALUE) == null ? null : new DealValue(r.get(PCR.DEAL_VALUE), r.get(PCR.CURRENCY)),
                r.get(PCR.NOTES),
                contact.isEmpty() ? Optional.empty() : Optional.of(contact),
                ReferralCategory.fromCode(r.get(PCR.REFERRAL_TYPE)),
                r.get(PCR.STATUS),
                r.get(PCR.SUBSTATUS),
                Optional.ofNullable(r.get(PCR.ETAG)),
                Optional.ofNullable(r.get(PCR.EXTERNAL_REFERENCE_ID)),
                r.get(STATE.REFERRAL_ID) == null ? Optional.empty() : Optional.of(state(r)));
    }

    /** One {@code dynamics_push_state} row. */
    static PushState state(Record r) {
        return new PushState(
                PushStatus.fromCode(r.get(STATE.STATUS)),
                Optional.ofNullable(r.get(STATE.LEAD_ID)),
                new ContentHash(r.get(STATE.LEAD_HASH)),
                r.get(STATE.MAPPING_VERSION),
                Times.optional(r.get(STATE.PUSHED_AT)),
                r.get(STATE.ATTEMPTS),
                Optional.ofNullable(r.get(STATE.LAST_ERROR_CODE)),
                Optional.ofNullable(r.get(STATE.LAST_ERROR)),
                Times.instant(r.get(STATE.UPDATED_AT)),
                writeBack(r));
    }

    private static Optional<WriteBackState> writeBack(Record r) {
        String status = r.get(STATE.WRITE_BACK_STATUS);
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new WriteBackState(
                WriteBackStatus.fromCode(status),
                Times.instant(r.get(STATE.WRITE_BACK_AT)),
                Optional.ofNullable(r.get(STATE.WRITE_BACK_ERROR_CODE)),
                Optional.ofNullable(r.get(STATE.WRITE_BACK_ERROR))));
    }
}
