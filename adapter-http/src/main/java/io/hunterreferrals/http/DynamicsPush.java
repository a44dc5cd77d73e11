package io.hunterreferrals.http;

import io.hunterreferrals.core.push.PushDispatcher;
import io.hunterreferrals.core.push.PushReferrals;
import java.util.Objects;

/**
 * What the API needs to push to Dynamics 365 when the server has the push turned on: the use case, for one referral at
 * the operator's request (answered when done), and the dispatcher that hands a whole push to the background worker.
 */
public record DynamicsPush(PushReferrals push, PushDispatcher dispatcher) {

    public DynamicsPush {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(dispatcher, "dispatcher");
    }
}
