package io.hunterreferrals.app.wiring;

import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.leadimport.CompanyImport;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.webhook.HintQueue;
import io.hunterreferrals.csv.CsvCompanyRowReader;
import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.JooqCompanyDirectory;
import io.hunterreferrals.postgres.JooqHintQueue;
import io.hunterreferrals.postgres.JooqLeadQueries;
import io.hunterreferrals.postgres.JooqOutbox;
import io.hunterreferrals.postgres.JooqPushQueries;
import io.hunterreferrals.postgres.JooqPushRunLog;
import io.hunterreferrals.postgres.JooqPushStateStore;
import io.hunterreferrals.postgres.JooqQuarantineQueries;
import io.hunterreferrals.postgres.JooqReferralQueries;
import io.hunterreferrals.postgres.JooqReferralStore;
import io.hunterreferrals.postgres.JooqSyncRunLog;
import io.hunterreferrals.postgres.JooqSyncRunQueries;
import javax.sql.DataSource;

/**
 * The database and everything built on it: the driven ports the sync writes through, the read-side queries and the use
 * cases that only need the database (operator links, company import). Closing it closes the database (in embedded mode
 * the server stops when the last Hunter process lets go).
 */
public final class Storage implements AutoCloseable {

    private final Database database;
    private final ReferralStore referralStore;
    private final CompanyDirectory companies;
    private final SyncRunLog runLog;
    private final ReferralQueries referralQueries;
    private final LeadQueries leadQueries;
    private final SyncRunQueries runQueries;
    private final QuarantineQueries quarantine;
    private final PushStateStore pushStates;
    private final PushRunLog pushRuns;
    private final PushQueries pushQueries;
    private final Outbox outbox;
    private final HintQueue hints;

    private Storage(Database database) {
        this.database = database;
        DataSource dataSource = database.dataSource();
        this.referralStore = new JooqReferralStore(dataSource);
        this.companies = new JooqCompanyDirectory(dataSource);
        this.runLog = new JooqSyncRunLog(dataSource, JooqSyncRunLog.currentNode());
        this.referralQueries = new JooqReferralQueries(dataSource);
        this.leadQueries = new JooqLeadQueries(dataSource);
        this.runQueries = new JooqSyncRunQueries(dataSource);
        this.quarantine = new JooqQuarantineQueries(dataSource);
        this.pushStates = new JooqPushStateStore(dataSource);
        this.pushRuns = new JooqPushRunLog(dataSource, JooqSyncRunLog.currentNode());
        this.pushQueries = new JooqPushQueries(dataSource);
        this.outbox = new JooqOutbox(dataSource);
        this.hints = new JooqHintQueue(dataSource);
    }

    /**
     * Opens (and, when the settings say so, migrates) the database.
     *
     * @throws IllegalStateException when it cannot be reached, started or migrated; the message says which and what to
     *     check
     */
    public static Storage open(DatabaseSettings settings) {
        return new Storage(Database.open(settings));
    }

    public Database database() {
        return database;
    }

    public ReferralStore referralStore() {
        return referralStore;
    }

    public CompanyDirectory companies() {
        return companies;
    }

    public SyncRunLog runLog() {
        return runLog;
    }

    public ReferralQueries referralQueries() {
        return referralQueries;
    }

    public LeadQueries leadQueries() {
        return leadQueries;
    }

    public SyncRunQueries runQueries() {
        return runQueries;
    }

    /** The referrals the sync quarantined. */
    public QuarantineQueries quarantine() {
        return quarantine;
    }

    /** Which referrals are due for the Dynamics 365 push, and what became of each. */
    public PushStateStore pushStates() {
        return pushStates;
    }

    /** Push runs, never two at once across processes. */
    public PushRunLog pushRuns() {
        return pushRuns;
    }

    /** The notification outbox: the events the stores wrote, and their deliveries. */
    public Outbox outbox() {
        return outbox;
    }

    /** The queue of Partner Center webhook hints, shared by every instance. */
    public HintQueue hints() {
        return hints;
    }

    /** What the push has done: runs and each referral's state (reads only). */
    public PushQueries pushQueries() {
        return pushQueries;
    }

    public ReferralLinks referralLinks() {
        return new ReferralLinks(referralStore, companies, referralQueries);
    }

    /** Imports companies from CSV files with a header row (domain, name, country). */
    public CompanyImport companyImport() {
        return new CompanyImport(new CsvCompanyRowReader(), companies);
    }

    @Override
    public void close() {
        database.close();
    }
}
