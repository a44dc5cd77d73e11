package io.hunterreferrals.cli;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Referrals as JSON objects (snake_case, like the HTTP API) and as table cells. */
final class ReferralViews {

    private ReferralViews() {
    }

    static String type(ReferralCategory category) {
        return category.code().orElse("unknown");
    }

    static Map<String, Object> summary(ReferralSummary r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("referral_id", r.id().value());
        json.put("name", r.name());
        json.put("company_name", r.companyName());
        json.put("domain", r.domain().map(Object::toString).orElse(null));
        json.put("raw_domain", r.rawDomain());
        json.put("domain_source", r.domainSource().map(s -> s.code()).orElse(null));
        json.put("referral_type", r.referralType().code().orElse(null));
        json.put("classification_rule", r.classificationRule());
        json.put("status", r.status());
        json.put("substatus", r.substatus());
        json.put("direction", r.direction());
        json.put("link_status", r.linkStatus().code());
        json.put("linked_lead", r.linkedCompany().map(c -> Map.of("id", c.id().toString(), "domain", c.domain().toString(),
                "name", c.name())).orElse(null));
        json.put("deal_value", r.dealValue().map(v -> v.amount().toPlainString()).orElse(null));
        json.put("currency", r.dealValue().map(v -> v.currency()).orElse(null));
        json.put("customer_country", r.customerCountry());
        json.put("created_at", text(r.createdAt()));
        json.put("updated_at", text(r.updatedAt()));
        json.put("synced_at", text(r.syncedAt()));
        json.put("changed_at", text(r.changedAt()));
        return json;
    }

    static Map<String, Object> detail(ReferralDetail d) {
        Map<String, Object> json = summary(d.summary());
        json.put("engagement_id", d.engagementId());
        json.put("type", d.type());
        json.put("qualification", d.qualification());
        json.put("status_reason", d.statusReason());
        json.put("invited_by_organization_id", d.invitedByOrganizationId());
        json.put("referral_source", d.referralSource());
        json.put("call_to_action", d.callToAction());
        json.put("classification_sub_category", d.classificationSubCategory());
        json.put("customer_size", d.customerSize());
        json.put("expires_at", text(d.expiresAt()));
        json.put("etag", d.eTag());
        json.put("external_reference_id", d.externalReferenceId());
        json.put("first_seen_at", text(d.firstSeenAt()));
        d.raw().ifPresent(raw -> json.put("raw", JsonOutput.parse(raw.json())));
        return json;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
