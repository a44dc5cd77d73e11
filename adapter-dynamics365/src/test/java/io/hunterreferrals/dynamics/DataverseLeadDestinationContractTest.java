package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestination;
import io.hunterreferrals.core.testing.LeadDestinationContract;
import org.junit.jupiter.api.AfterEach;

/** Core's port contract against the simulator, over HTTP, with the real MSAL4J. */
class DataverseLeadDestinationContractTest extends LeadDestinationContract {

    private SimulatedDataverse dataverse;

    @Override
    protected LeadDestination createDestination() {
        dataverse = SimulatedDataverse.ready();
        return dataverse.clients().leadDestination();
    }

    @Override
    protected int leadsHeld() {
        return dataverse.sim.leads().size();
    }

    @AfterEach
    void stop() {
        dataverse.close();
    }
}
