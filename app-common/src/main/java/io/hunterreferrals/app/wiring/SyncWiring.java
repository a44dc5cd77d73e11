package io.hunterreferrals.app.wiring;

import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.app.logging.SyncEventLogger;
import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.RunPolicy;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the sync use case over a source and the database, always with the runbook's log events. */
public final class SyncWiring {

    private SyncWiring() {}

    /**
     * @param listeners more listeners after the {@link SyncEventLogger}: a {@link CurrentSyncRun}, a progress bar,
     *     metrics
     */
    /** When a run may start; its messages name the feature flag as operators set it. */
    public static RunPolicy runPolicy() {
        return new RunPolicy(Setting.PARTNER_CENTER_ENABLED.variable());
    }

    public static ReferralSync referralSync(
            ReferralSource source, Storage storage, ReferralFilter filter, List<SyncListener> listeners) {
        List<SyncListener> all = new ArrayList<>();
        all.add(new SyncEventLogger());
        all.addAll(listeners);
        return new ReferralSync(
                source,
                storage.referralStore(),
                storage.companies(),
                storage.runLog(),
                new SyncSettings(filter, SyncSettings.DEFAULT_OVERLAP),
                new ClassificationRulePcV1(),
                Clock.systemUTC(),
                SyncListener.all(all));
    }
}
