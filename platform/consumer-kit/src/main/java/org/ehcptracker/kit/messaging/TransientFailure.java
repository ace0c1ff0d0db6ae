package org.ehcptracker.kit.messaging;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that retrying can cure (the database unreachable or restarting, a serialization
 * failure or deadlock) from one it cannot (a value the tables cannot hold, a broken invariant, a bug).
 */
public final class TransientFailure {

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException || t instanceof TimeoutException) {
                return true;
            }
            // the database's socket reset under a running statement (PostgreSQL stopping): a bare IOException
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Connection reset") || t.getMessage().contains("Broken pipe"))) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && isTransientSqlState(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the server's errors as SQLException with the same SQLSTATE
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && isTransientSqlState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown, crash), and 40001/40P01/55P03 (concurrency). */
    static boolean isTransientSqlState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01") || state.equals("55P03");
    }
}
