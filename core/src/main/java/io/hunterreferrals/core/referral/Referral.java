package io.hunterreferrals.core.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * A Partner Center referral as the core sees it. Optional API fields are {@code null} when absent; enumerated fields
 * are {@link ApiValue}s, so unknown values never throw. {@link #toString()} omits personal data so a referral can never
 * leak into a log by accident.
 *
 * @param id the referral id (required)
 * @param engagementId groups related referrals; {@code null} when absent
 * @param name the referral's name; {@code null} when absent
 * @param type {@code Independent} or {@code Shared}
 * @param qualification how Microsoft qualified the referral
 * @param direction {@code Incoming} or {@code Outgoing}
 * @param status {@code New}, {@code Active} or {@code Closed}
 * @param substatus refines the status, e.g. {@code Won}
 * @param statusReason free text; {@code null} when absent
 * @param notes the referral's notes ({@code details.notes}), personal data; {@code null} when absent
 * @param customer the customer profile (never {@code null})
 * @param dealValue the deal value; {@code null} when absent
 * @param createdAt when the referral was created in Partner Center
 * @param updatedAt when it last changed in Partner Center; drives the sync watermark
 * @param expiresAt when it expires; {@code null} when absent
 * @param invitedByOrganizationId {@code inviteContext.invitedBy.organizationId}: {@code msft}, a partner's id, or
 *     {@code null}
 * @param referralSource the marketplace lead source; {@code null} when absent
 * @param callToAction the marketplace call to action; {@code null} when absent
 * @param eTag the concurrency tag, verbatim (with quotes), for later updates
 * @param externalReferenceId the caller-owned id (e.g. a CRM id); {@code null} when absent
 * @param legacy legacy top-level contact fields (never {@code null})
 * @param raw the payload as received (never {@code null})
 */
public record Referral(
        ReferralId id,
        EngagementId engagementId,
        String name,
        ApiValue<ReferralType> type,
        ApiValue<Qualification> qualification,
        ApiValue<Direction> direction,
        ApiValue<ReferralStatus> status,
        ApiValue<ReferralSubstatus> substatus,
        String statusReason,
        String notes,
        CustomerProfile customer,
        DealValue dealValue,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        String invitedByOrganizationId,
        String referralSource,
        String callToAction,
        String eTag,
        String externalReferenceId,
        LegacyContact legacy,
        RawPayload raw) {

    public Referral {
        Objects.requireNonNull(id, "id");
        type = type == null ? ApiValue.parse(ReferralType.class, null) : type;
        qualification = qualification == null ? ApiValue.parse(Qualification.class, null) : qualification;
        direction = direction == null ? ApiValue.parse(Direction.class, null) : direction;
        status = status == null ? ApiValue.parse(ReferralStatus.class, null) : status;
        substatus = substatus == null ? ApiValue.parse(ReferralSubstatus.class, null) : substatus;
        customer = customer == null ? CustomerProfile.EMPTY : customer;
        legacy = legacy == null ? LegacyContact.NONE : legacy;
        raw = raw == null ? RawPayload.EMPTY_OBJECT : raw;
    }

    public static Builder builder(ReferralId id) {
        return new Builder(id);
    }

    public static Builder builder(String id) {
        return new Builder(ReferralId.of(id));
    }

    /** A builder pre-filled with this referral's values, for deriving a changed copy. */
    public Builder toBuilder() {
        return new Builder(id)
                .engagementId(engagementId)
                .name(name)
                .type(type)
                .qualification(qualification)
                .direction(direction)
                .status(status)
                .substatus(substatus)
                .statusReason(statusReason)
                .notes(notes)
                .customer(customer)
                .dealValue(dealValue)
                .createdAt(createdAt)
                .updatedAt(updatedAt)
                .expiresAt(expiresAt)
                .invitedByOrganizationId(invitedByOrganizationId)
                .referralSource(referralSource)
                .callToAction(callToAction)
                .eTag(eTag)
                .externalReferenceId(externalReferenceId)
                .legacy(legacy)
                .raw(raw);
    }

    @Override
    public String toString() {
        return "Referral[id=" + id + ", type=" + type + ", qualification=" + qualification + ", direction=" + direction
                + ", status=" + status + "/" + substatus + ", updatedAt=" + updatedAt + "]";
    }

    /** Builds a {@link Referral}; every setter accepts {@code null} for "absent". */
    public static final class Builder {
        private final ReferralId id;
        private EngagementId engagementId;
        private String name;
        private ApiValue<ReferralType> type;
        private ApiValue<Qualification> qualification;
        private ApiValue<Direction> direction;
        private ApiValue<ReferralStatus> status;
        private ApiValue<ReferralSubstatus> substatus;
        private String statusReason;
        private String notes;
        private CustomerProfile customer;
        private DealValue dealValue;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant expiresAt;
        private String invitedByOrganizationId;
        private String referralSource;
        private String callToAction;
        private String eTag;
        private String externalReferenceId;
        private LegacyContact legacy;
        private RawPayload raw;

        private Builder(ReferralId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder engagementId(EngagementId value) {
            this.engagementId = value;
            return this;
        }

        public Builder engagementId(String value) {
            return engagementId(EngagementId.ofNullable(value));
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder type(ApiValue<ReferralType> value) {
            this.type = value;
            return this;
        }

        public Builder type(String value) {
            return type(ApiValue.parse(ReferralType.class, value));
        }

        public Builder qualification(ApiValue<Qualification> value) {
            this.qualification = value;
            return this;
        }

        public Builder qualification(String value) {
            return qualification(ApiValue.parse(Qualification.class, value));
        }

        public Builder direction(ApiValue<Direction> value) {
            this.direction = value;
            return this;
        }

        public Builder direction(String value) {
            return direction(ApiValue.parse(Direction.class, value));
        }

        public Builder status(ApiValue<ReferralStatus> value) {
            this.status = value;
            return this;
        }

        public Builder status(String value) {
            return status(ApiValue.parse(ReferralStatus.class, value));
        }

        public Builder substatus(ApiValue<ReferralSubstatus> value) {
            this.substatus = value;
            return this;
        }

        public Builder substatus(String value) {
            return substatus(ApiValue.parse(ReferralSubstatus.class, value));
        }

        public Builder statusReason(String value) {
            this.statusReason = value;
            return this;
        }

        public Builder notes(String value) {
            this.notes = value;
            return this;
        }

        public Builder customer(CustomerProfile value) {
            this.customer = value;
            return this;
        }

        public Builder dealValue(DealValue value) {
            this.dealValue = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        public Builder invitedByOrganizationId(String value) {
            this.invitedByOrganizationId = value;
            return this;
        }

        public Builder referralSource(String value) {
            this.referralSource = value;
            return this;
        }

        public Builder callToAction(String value) {
            this.callToAction = value;
            return this;
        }

        public Builder eTag(String value) {
            this.eTag = value;
            return this;
        }

        public Builder externalReferenceId(String value) {
            this.externalReferenceId = value;
            return this;
        }

        public Builder legacy(LegacyContact value) {
            this.legacy = value;
            return this;
        }

        public Builder raw(RawPayload value) {
            this.raw = value;
            return this;
        }

        public Builder raw(String json) {
            return raw(json == null ? null : new RawPayload(json));
        }

        public Referral build() {
            return new Referral(
                    id,
                    engagementId,
                    name,
                    type,
                    qualification,
                    direction,
                    status,
                    substatus,
                    statusReason,
                    notes,
                    customer,
                    dealValue,
                    createdAt,
                    updatedAt,
                    expiresAt,
                    invitedByOrganizationId,
                    referralSource,
                    callToAction,
                    eTag,
                    externalReferenceId,
                    legacy,
                    raw);
        }
    }
}
