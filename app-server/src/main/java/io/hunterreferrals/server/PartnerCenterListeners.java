package io.hunterreferrals.server;

import io.hunterreferrals.partnercenter.PageEvent;
import io.hunterreferrals.partnercenter.PartnerCenterListener;
import io.hunterreferrals.partnercenter.RetryEvent;
import java.util.List;

/** The Referrals client takes one listener; the server has two (the event log and the metrics). */
final class PartnerCenterListeners implements PartnerCenterListener {

    private final List<PartnerCenterListener> listeners;

    PartnerCenterListeners(PartnerCenterListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void onRetry(RetryEvent event) {
        listeners.forEach(l -> l.onRetry(event));
    }

    @Override
    public void onPage(PageEvent event) {
        listeners.forEach(l -> l.onPage(event));
    }
}
