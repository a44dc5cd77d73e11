package io.hunterreferrals.partnercenter;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page arrived and was mapped.
 *
 * @param pageNumber 1-based
 * @param records referrals on the page, readable or not
 * @param unreadable how many of them could not be mapped
 * @param totalCount {@code @odata.count}, when the API sent it
 * @param attempts HTTP calls it took, retries included
 * @param elapsed from the first call to the mapped page, waits included
 * @param requestId Partner Center's request id of the successful response
 */
public record PageEvent(
        int pageNumber,
        int records,
        int unreadable,
        OptionalLong totalCount,
        int attempts,
        Duration elapsed,
        Optional<String> requestId) {}
