package io.hunterreferrals.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of link, unlink or create-lead. {@code status} is {@code linked}, {@code unlinked} or {@code created}
 * (create-lead made a new lead; when the lead already existed it is {@code linked}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LinkResultJson(
        String status, String referralId, String linkStatus, Long leadId, String domain, Boolean leadCreated) {}
