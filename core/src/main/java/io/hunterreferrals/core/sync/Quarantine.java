package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The referrals of one page that failed on their content, to quarantine with the page; one entry per key. */
final class Quarantine {

    private final int page;
    private final Map<ReferralId, Integer> positions = new HashMap<>();
    private final Map<String, FailedReferral> failed = new LinkedHashMap<>();

    Quarantine(int page) {
        this.page = page;
    }

    /** Where a readable referral stands on the page (0-based index), in case a rule fails on it later. */
    void position(ReferralId id, int index) {
        positions.put(id, index);
    }

    /** A record the source could not read, at {@code index} (0-based) on the page. */
    void add(
            int index,
            Optional<String> referralId,
            String reason,
            Optional<String> updatedDateTime,
            RawPayload payload) {
        put(new FailedReferral(referralId, reason, page, index + 1, updatedDateTime, payload));
    }

    /** A readable referral that a rule failed on. */
    void add(Referral referral, String reason) {
        int index = positions.getOrDefault(referral.id(), 0);
        put(new FailedReferral(
                Optional.of(referral.id().value()),
                reason,
                page,
                index + 1,
                Optional.ofNullable(referral.updatedAt()).map(Object::toString),
                referral.raw()));
    }

    List<FailedReferral> failed() {
        return List.copyOf(failed.values());
    }

    private void put(FailedReferral referral) {
        // The page's last copy wins, as it does for readable referrals.
        failed.remove(referral.key());
        failed.put(referral.key(), referral);
    }
}
