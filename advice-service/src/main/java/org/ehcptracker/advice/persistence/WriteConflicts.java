package org.ehcptracker.advice.persistence;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/** Tells a lost race on a row (two writers at once) from any other failure of a write. */
public final class WriteConflicts {

    private WriteConflicts() {
    }

    /**
     * True when {@code failure} (or a cause) is an optimistic-lock failure (the row changed since it was
     * read) or a unique-key violation (the row was inserted by another writer first).
     */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                return true;
            }
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
