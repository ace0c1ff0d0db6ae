package org.ehcptracker.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsWorthRetrying() {
        assertThat(TransientFailure.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailure.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientFailure.isTransient(new java.io.IOException("Connection reset by peer"))).as("socket reset").isTrue();
        assertThat(TransientFailure.isTransient(new java.io.IOException("disk full"))).as("another I/O failure").isFalse();
        assertThat(TransientFailure.isTransient(pg("57P01"))).as("admin shutdown").isTrue();
        assertThat(TransientFailure.isTransient(pg("08006"))).as("connection failure").isTrue();
        assertThat(TransientFailure.isTransient(new RuntimeException("wrapped", pg("40P01")))).as("deadlock, wrapped").isTrue();
        assertThat(TransientFailure.isTransient(pg("40001"))).as("serialization failure").isTrue();
    }

    @Test
    void aValueTheTablesCannotHoldOrABugIsNot() {
        assertThat(TransientFailure.isTransient(pg("22008"))).as("date out of range").isFalse();
        assertThat(TransientFailure.isTransient(pg("23502"))).as("not-null violation").isFalse();
        assertThat(TransientFailure.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailure.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void theSameServerErrorsAsHibernateReactiveReportsThemAreJudgedAlike() {
        assertThat(TransientFailure.isTransient(new RuntimeException("flush", new java.sql.SQLException("x", "40P01"))))
                .as("deadlock through a session").isTrue();
        assertThat(TransientFailure.isTransient(new java.sql.SQLException("x", "57P01"))).as("shutdown").isTrue();
        assertThat(TransientFailure.isTransient(new java.sql.SQLException("x", "23502"))).as("not-null").isFalse();
    }

    private static PgException pg(String sqlState) {
        return new PgException("test", "ERROR", sqlState, "detail");
    }
}
