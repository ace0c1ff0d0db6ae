package org.ehcptracker.kit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class StoreUnavailableProblemTest {

    final StoreUnavailableProblem mapper = new StoreUnavailableProblem();

    @Test
    void postgresql_shutting_down_or_unreachable_behind_hibernate_is_503_with_retry_after() {
        // what Hibernate Reactive throws when PostgreSQL terminates the connection while it stops (SQLSTATE 57P01)
        Response shuttingDown = mapper.persistenceFailure(new JDBCConnectionException("terminating connection",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(shuttingDown.getStatus()).isEqualTo(503);
        assertThat(shuttingDown.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(shuttingDown.getMediaType().toString()).isEqualTo("application/problem+json");

        Response refused = mapper.persistenceFailure(new PersistenceException("could not connect",
                new java.net.ConnectException("Connection refused")));
        assertThat(refused.getStatus()).isEqualTo(503);

        Response startingUp = mapper.databaseFailure(new PgException("the database system is starting up", "FATAL",
                "57P03", null));
        assertThat(startingUp.getStatus()).isEqualTo(503);

        // seen when PostgreSQL stopped under load: the statement's failure and the failed rollback, together
        Response cutOff = mapper.failures(new CompositeException(
                new PersistenceException(ClosedConnectionException.INSTANCE),
                new IllegalStateException("HR000090: Live transaction detected while closing the connection")));
        assertThat(cutOff.getStatus()).isEqualTo(503);
        assertThat(cutOff.getHeaderString("Retry-After")).isEqualTo("5");

        // seen in CI when PostgreSQL stopped under load: the socket reset, unwrapped
        Response reset = mapper.connectionReset(new java.io.IOException("Connection reset by peer"));
        assertThat(reset.getStatus()).isEqualTo(503);
        assertThat(reset.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(mapper.connectionReset(new java.io.IOException("disk full")).getStatus()).isEqualTo(500);
    }

    @Test
    void any_other_database_failure_stays_a_500_problem() {
        Response broken = mapper.persistenceFailure(new PersistenceException("bug",
                new SQLException("column does not exist", "42703")));
        assertThat(broken.getStatus()).isEqualTo(500);
        assertThat(broken.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(broken.getHeaderString("Retry-After")).isNull();
        assertThat(mapper.failures(new CompositeException(new IllegalStateException("a bug"),
                new IllegalArgumentException("another"))).getStatus()).isEqualTo(500);
    }
}
