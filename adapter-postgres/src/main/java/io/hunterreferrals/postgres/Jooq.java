package io.hunterreferrals.postgres;

import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/** The jOOQ context every store and query uses. */
final class Jooq {

    // jOOQ's execute logging prints every statement with its bind values at DEBUG level: those values include
    // raw_data, customer names and notes, which must never reach a log.
    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);

    private Jooq() {}

    /**
     * Every store and query goes through here, so a lost or refused connection becomes the core's
     * {@code StorageUnavailableException} in one place: when a connection is taken from the pool, and when a statement
     * fails.
     */
    static DSLContext using(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return DSL.using(new DefaultConfiguration()
                .set(new TranslatingConnectionProvider(dataSource))
                .set(SQLDialect.POSTGRES)
                .set(SETTINGS)
                .set(new DefaultExecuteListenerProvider(new ConnectionLossListener())));
    }

    private static final class TranslatingConnectionProvider extends DataSourceConnectionProvider {

        TranslatingConnectionProvider(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public Connection acquire() {
            try {
                return super.acquire();
            } catch (RuntimeException e) {
                throw SqlErrors.translate(e);
            }
        }
    }

    private static final class ConnectionLossListener implements ExecuteListener {

        @Override
        public void exception(ExecuteContext ctx) {
            if (ctx.exception() != null) {
                ctx.exception(SqlErrors.translate(ctx.exception()));
            }
        }
    }
}
