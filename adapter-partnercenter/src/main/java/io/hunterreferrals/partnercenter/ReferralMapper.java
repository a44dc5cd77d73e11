package io.hunterreferrals.partnercenter;

import static io.hunterreferrals.partnercenter.JsonFields.decimal;
import static io.hunterreferrals.partnercenter.JsonFields.instant;
import static io.hunterreferrals.partnercenter.JsonFields.object;
import static io.hunterreferrals.partnercenter.JsonFields.objects;
import static io.hunterreferrals.partnercenter.JsonFields.text;
import static io.hunterreferrals.partnercenter.JsonFields.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.CustomerId;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.LegacyContact;
import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.SourceRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of {@code value} to a core {@link Referral}, or to an {@code Unreadable} record with a short reason code.
 * Enumerations go through core's {@code ApiValue}, so values Microsoft adds later are kept as text, never rejected.
 */
final class ReferralMapper {

    private ReferralMapper() {}

    static SourceRecord map(PageParser.RawItem item) {
        JsonNode node = item.node();
        if (!node.isObject()) {
            return unreadable(item, Optional.empty(), Unmappable.INVALID_REFERRAL);
        }
        JsonNode idNode = node.path("id");
        if (JsonFields.absent(idNode)) {
            return unreadable(item, Optional.empty(), Unmappable.MISSING_ID);
        }
        if (idNode.isContainerNode()) {
            return unreadable(item, Optional.empty(), Unmappable.INVALID_REFERRAL);
        }
        String id = idNode.asText().strip();
        try {
            return new SourceRecord.Readable(referral(id, node, item.json()));
        } catch (Unmappable e) {
            return unreadable(item, Optional.of(id), e.reason());
        } catch (IllegalArgumentException e) {
            // a core value object refused a value (e.g. an id longer than 255 characters)
            return unreadable(item, Optional.of(id), Unmappable.INVALID_REFERRAL);
        }
    }

    /** Kept whole for the quarantine, with its {@code updatedDateTime} as sent (it may be why it failed). */
    private static SourceRecord.Unreadable unreadable(PageParser.RawItem item, Optional<String> id, String reason) {
        JsonNode updated = item.node().path("updatedDateTime");
        Optional<String> updatedDateTime = JsonFields.absent(updated) || updated.isContainerNode()
                ? Optional.empty()
                : Optional.of(updated.asText());
        return new SourceRecord.Unreadable(id, reason, updatedDateTime, new RawPayload(item.json()));
    }

    private static Referral referral(String id, JsonNode r, String rawJson) {
        JsonNode details = object(r, "details");
        JsonNode inviteContext = object(r, "inviteContext");
        return Referral.builder(id)
                .engagementId(text(r, "engagementId"))
                .name(text(r, "name"))
                .type(text(r, "type"))
                .qualification(text(r, "qualification"))
                .direction(text(r, "direction"))
                .status(text(r, "status"))
                .substatus(text(r, "substatus"))
                .statusReason(text(r, "statusReason"))
                .notes(textOrNull(
                        details, "notes")) // read for the CRM push only: a wrong type must not fail the referral
                .customer(customer(object(r, "customerProfile")))
                .dealValue(dealValue(details))
                .createdAt(instant(r, "createdDateTime"))
                .updatedAt(instant(r, "updatedDateTime"))
                .expiresAt(instant(r, "expirationDateTime"))
                .invitedByOrganizationId(text(object(inviteContext, "invitedBy"), "organizationId"))
                .referralSource(text(r, "referralSource"))
                .callToAction(text(r, "callToAction"))
                .eTag(text(r, "eTag"))
                .externalReferenceId(text(r, "externalReferenceId"))
                .legacy(legacy(r))
                .raw(new RawPayload(rawJson))
                .build();
    }

    private static CustomerProfile customer(JsonNode profile) {
        if (profile.isMissingNode()) {
            return CustomerProfile.EMPTY;
        }
        List<String> emails = new ArrayList<>();
        List<CustomerContact> contacts = new ArrayList<>();
        for (JsonNode member : objects(profile, "team")) {
            String email = text(member, "email");
            if (email != null) {
                emails.add(email);
            }
            // Names and phone numbers feed the CRM push only: a wrong type reads as absent instead of failing the
            // referral.
            contacts.add(new CustomerContact(
                    textOrNull(member, "firstName"),
                    textOrNull(member, "lastName"),
                    email,
                    textOrNull(member, "phoneNumber")));
        }
        List<CustomerId> ids = new ArrayList<>();
        for (JsonNode entry : objects(profile, "ids")) {
            String value = text(entry, "id");
            if (value != null) {
                ids.add(new CustomerId(text(entry, "profileType"), value));
            }
        }
        return new CustomerProfile(
                text(profile, "name"),
                text(object(profile, "address"), "country"),
                text(profile, "size"),
                emails,
                ids,
                contacts);
    }

    private static DealValue dealValue(JsonNode details) {
        BigDecimal amount = decimal(details, "dealValue");
        return amount == null ? null : new DealValue(amount, text(details, "currency"));
    }

    /** Keys the documented API does not have but older payloads and imports do; read leniently, never fatal. */
    private static LegacyContact legacy(JsonNode r) {
        JsonNode contact = r.path("contact");
        String contactEmail = contact.isObject() ? textOrNull(contact, "email") : null;
        return new LegacyContact(
                textOrNull(r, "website"), textOrNull(r, "companyWebsite"), contactEmail, textOrNull(r, "email"));
    }
}
