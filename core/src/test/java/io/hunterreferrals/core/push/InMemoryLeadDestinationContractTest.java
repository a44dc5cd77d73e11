package io.hunterreferrals.core.push;

import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.LeadDestinationContract;

class InMemoryLeadDestinationContractTest extends LeadDestinationContract {

    private InMemoryLeadDestination fake;

    @Override
    protected LeadDestination createDestination() {
        fake = new InMemoryLeadDestination(10);
        return fake;
    }

    @Override
    protected int leadsHeld() {
        return fake.leads().size();
    }
}
