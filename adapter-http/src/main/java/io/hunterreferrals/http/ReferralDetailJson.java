package io.hunterreferrals.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.push.LeadMapping;
import io.hunterreferrals.core.query.LinkChange;
import io.hunterreferrals.core.query.ReferralDetail;
import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one referral: the inbox fields plus the rest. {@code raw} (only with
 * {@code ?include_raw=true}) is the payload as Partner Center sent it, as JSON rather than a string. {@code linked_at}
 * and {@code link_changed_by} tell when the link last changed and who changed it ({@code operator}, or
 * {@code sync:<task id>}). {@code partner_center_url} opens it in Partner Center (the same link a lead carries).
 * {@code dynamics} says whether this server pushes to Dynamics 365 and what the last push did with the referral;
 * {@code notifications} are its latest events with each channel's delivery ({@code null} without an outbox).
 */
record ReferralDetailJson(
        @JsonUnwrapped ReferralJson referral,
        String engagementId,
        String type,
        String qualification,
        String statusReason,
        String invitedByOrganizationId,
        String referralSource,
        String callToAction,
        String classificationSubCategory,
        String customerSize,
        Instant expiresAt,
        String etag,
        String externalReferenceId,
        Instant firstSeenAt,
        Instant linkedAt,
        String linkChangedBy,
        String partnerCenterUrl,
        PushJson.Referral dynamics,
        List<EventJson.Event> notifications,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode raw) {

    /**
     * @param dynamics the referral's place in the push to Dynamics 365
     * @param notifications its latest events, newest first; {@code null} where no outbox is wired
     */
    static ReferralDetailJson of(ReferralDetail d, PushJson.Referral dynamics, List<EventJson.Event> notifications) {
        return new ReferralDetailJson(
                ReferralJson.of(d.summary()),
                d.engagementId(),
                d.type(),
                d.qualification(),
                d.statusReason(),
                d.invitedByOrganizationId(),
                d.referralSource(),
                d.callToAction(),
                d.classificationSubCategory(),
                d.customerSize(),
                d.expiresAt(),
                d.eTag(),
                d.externalReferenceId(),
                d.firstSeenAt(),
                d.lastLinkChange().map(LinkChange::at).orElse(null),
                d.lastLinkChange().map(LinkChange::by).orElse(null),
                LeadMapping.partnerCenterUrl(d.summary().id()),
                dynamics,
                notifications,
                d.raw().map(raw -> Json.tree(raw.json())).orElse(null));
    }
}
