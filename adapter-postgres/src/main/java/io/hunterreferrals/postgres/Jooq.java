package io.hunterreferrals.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The jOOQ context every store and query uses. */
final class Jooq {

    // jOOQ's execute logging prints every statement with its bind values at DEBUG level: those values include
    // raw_data, customer names and notes, which must never reach a log.
    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);

    private Jooq() {
    }

    static DSLContext using(DataSource dataSource) {
        return DSL.using(Objects.requireNonNull(dataSource, "dataSource"), SQLDialect.POSTGRES, SETTINGS);
    }
}
