package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's PostgreSQL: passwords required once set, one role per service that reaches only its own
 * database, objects of an older data directory handed over, the cluster's transaction limits in every session.
 */
class ServiceRolesTest {

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        return new org.postgresql.Driver().connect("jdbc:postgresql://localhost:" + port + "/" + database, props);
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void a_data_directory_from_before_gets_passwords_and_a_role_per_service_that_owns_its_data(@TempDir Path dir)
            throws Exception {
        int port = FreePort.find();
        Path data = dir.resolve("pg");
        // before: trust authentication, a table made by the superuser (as Flyway did when services ran as postgres)
        try (EmbeddedPostgresServer old = EmbeddedPostgresServer.startPersistent(port, data)) {
            old.createDatabases(java.util.List.of("assessment"));
            try (Connection c = connect(port, "assessment", "postgres", "anything"); Statement st = c.createStatement()) {
                st.execute("create table kept (id bigserial primary key, v text)");
                st.execute("insert into kept (v) values ('still here')");
                st.execute("create function kept_count() returns bigint language sql as 'select count(*) from kept'");
            }
        }

        for (int start = 1; start <= 2; start++) { // the second start: passwords required from the outset
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startPersistent(port, data, EmbeddedPostgresServer.TransactionLimits.LOCAL, "su-secret")) {
                ServiceRoles.apply(pg, Map.of("assessment", "a-secret", "advice", "b-secret"));

                assertThatThrownBy(() -> connect(port, "postgres", "postgres", null).close())
                    .as("start %d: the superuser without a password", start).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(port, "postgres", "postgres", "wrong").close())
                    .as("start %d: a wrong password", start).hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> connect(port, "advice", "assessment", "a-secret").close())
                    .as("start %d: a service's role in another service's database", start)
                    .hasMessageContaining("permission denied for database");

                try (Connection c = connect(port, "assessment", "assessment", "a-secret"); Statement st = c.createStatement()) {
                    assertThat(one(c, "select v from kept")).isEqualTo("still here");
                    st.execute("insert into kept (v) values ('by the role')");
                    assertThat(one(c, "select kept_count()")).isEqualTo(String.valueOf(start + 1));
                    st.execute("create table if not exists made_by_role (v text)");
                    assertThat(one(c, "select tableowner from pg_tables where tablename = 'kept'")).isEqualTo("assessment");
                    // the cluster's bound on every session, this role's included
                    assertThat(one(c, "show idle_in_transaction_session_timeout")).isEqualTo("30s");
                }
                try (Connection c = connect(port, "advice", "advice", "b-secret")) {
                    assertThat(one(c, "select current_user")).isEqualTo("advice");
                }
            }
        }
    }

    @Test
    void an_idle_transaction_of_a_service_is_ended_by_the_server(@TempDir Path dir) throws Exception {
        int port = FreePort.find();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startPersistent(port, dir.resolve("pg"), EmbeddedPostgresServer.TransactionLimits.LOCAL, "su-secret")) {
            ServiceRoles.apply(pg, Map.of("plan", "p-secret"));
            try (Connection c = connect(port, "plan", "plan", "p-secret"); Statement st = c.createStatement()) {
                // the role's setting, lowered for this session only: what the server does when it runs out
                st.execute("set idle_in_transaction_session_timeout = '200ms'");
                c.setAutoCommit(false);
                one(c, "select pg_current_xact_id()");
                Thread.sleep(1_000);
                assertThatThrownBy(() -> one(c, "select 1")).isInstanceOf(SQLException.class);
            }
        }
    }
}
