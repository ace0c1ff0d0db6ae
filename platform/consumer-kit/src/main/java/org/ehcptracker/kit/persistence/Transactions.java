package org.ehcptracker.kit.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The one way a service opens a Hibernate Reactive session or transaction. Both go through Panache,
 * so Panache entities used inside share the session (and so the transaction) instead of opening
 * their own; the event store and the consumer guard use the same session for their SQL.
 */
public final class Transactions {

    private Transactions() {
    }

    /** {@code work} in one transaction: committed when its Uni succeeds, rolled back when it fails. */
    public static <T> Uni<T> inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> work.apply(session)));
    }

    /** {@code work} in a session without a transaction, for reads. */
    public static <T> Uni<T> inSession(Function<Mutiny.Session, Uni<T>> work) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> work.apply(session)));
    }
}
