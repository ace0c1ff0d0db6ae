package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ehcptracker.devinfra.EmbeddedPostgresServer.TransactionLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: one open transaction anywhere in the cluster held every relay back (a case reached reporting 19.4 s
 * late). The relay publishes only events below {@code pg_snapshot_xmin(pg_current_snapshot())}, the oldest
 * transaction still running in the whole cluster; with {@link TransactionLimits} a transaction left open in
 * ANOTHER database, idle or busy, is ended by the server within its limit and the horizon seen from the events'
 * database moves past it. Short limits here (2 s idle, 4 s whole) keep the test quick; the local stack's are
 * 30 s and 60 s.
 */
class SnapshotHorizonTest {

    static EmbeddedPostgresServer pg;

    @BeforeAll
    static void start() {
        pg = EmbeddedPostgresServer.startTemporary(new TransactionLimits(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        pg.createDatabases(List.of("events", "elsewhere"));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void aTransactionLeftIdleInAnotherDatabaseHoldsTheHorizonOnlyUntilTheIdleLimit() throws Exception {
        try (Connection forgotten = connect("elsewhere"); Connection relay = connect("events")) {
            forgotten.setAutoCommit(false);
            long opened = System.nanoTime(); // before the transaction starts: the server's clock starts later
            String xid = currentXid(forgotten); // begin; select pg_current_xact_id(); ... and nothing more
            assertThat(holdsHorizon(relay, xid)).as("the open transaction holds the relay's horizon back").isTrue();

            Duration held = awaitReleased(relay, xid, opened, Duration.ofSeconds(20));

            assertThat(held).as("released by idle_in_transaction_session_timeout (2 s), not before")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThatThrownBy(() -> currentXid(forgotten)).as("the server ended the session").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aBusyTransactionInAnotherDatabaseHoldsTheHorizonOnlyUntilTheTransactionLimit() throws Exception {
        try (Connection busy = connect("elsewhere"); Connection relay = connect("events")) {
            busy.setAutoCommit(false);
            long opened = System.nanoTime();
            String xid = currentXid(busy);
            // the case: busy, not idle, so only transaction_timeout can end it
            var sleeping = CompletableFuture.runAsync(() -> {
                try (Statement s = busy.createStatement()) {
                    s.execute("select pg_sleep(60)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(holdsHorizon(relay, xid)).as("the busy transaction holds the relay's horizon back").isTrue();

            Duration held = awaitReleased(relay, xid, opened, Duration.ofSeconds(30));

            assertThat(held).as("released by transaction_timeout (4 s), not before; long before the 60 s sleep ends")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(sleeping).as("the sleeping session was ended").failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(pg.jdbcBaseUrl() + database, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static String currentXid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_current_xact_id()::text")) {
            r.next();
            return r.getString(1);
        }
    }

    /** What the relay reads below: true while {@code xid} is at or above the oldest running transaction. */
    private static boolean holdsHorizon(Connection relay, String xid) throws SQLException {
        try (var s = relay.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot()) <= ?::xid8")) {
            s.setString(1, xid);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * How long after {@code opened} the horizon passed {@code xid} (polled every 100 ms); fails when it is still held
     * {@code atMost} after: far above the limit, far below the 60 s an unbounded transaction would hold it.
     */
    private static Duration awaitReleased(Connection relay, String xid, long opened, Duration atMost) throws Exception {
        while (holdsHorizon(relay, xid)) {
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("horizon still held").isLessThan(atMost);
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - opened);
    }
}
