package org.ehcptracker.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Switches an embedded server from initdb's trust authentication to scram-sha-256 passwords for every client.
 * initdb leaves the superuser without a password, so the first start runs with trust, sets the password and only then
 * rewrites {@code pg_hba.conf} and reloads; a marker file in the data directory makes every later start require
 * passwords from the outset.
 */
final class PasswordAuthentication {
    static final String MARKER = "ehcp-passwords-required";

    // every local and loopback connection by password; nothing else is listened on (listen_addresses=localhost)
    static final String HBA = """
        # written by EHCP Tracker's dev-infra: every client signs in with a password
        local   all   all                 scram-sha-256
        host    all   all   127.0.0.1/32  scram-sha-256
        host    all   all   ::1/128       scram-sha-256
        """;

    private PasswordAuthentication() {
    }

    /** Before the postmaster starts: once passwords have been set, make sure pg_hba.conf still requires them. */
    static void keepRequired(Path dataDir) {
        if (Files.exists(dataDir.resolve(MARKER))) {
            writeHba(dataDir);
        }
    }

    /** After the start: gives the superuser its password and requires passwords from now on. */
    static void require(EmbeddedPostgresServer server, String superuserPassword) {
        try (Connection c = server.superuserConnection("postgres")) {
            setPassword(c, EmbeddedPostgresServer.USER, superuserPassword);
            writeHba(server.dataDir());
            try (Statement st = c.createStatement()) {
                st.execute("select pg_reload_conf()");
            }
            Files.writeString(server.dataDir().resolve(MARKER), "pg_hba.conf requires passwords\n");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the PostgreSQL superuser's password", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ALTER ROLE takes no bind parameters: the statement is quoted by the server's own format(). */
    static void setPassword(Connection c, String role, String password) throws SQLException {
        execute(c, "select format('alter role %I login password %L', ?::text, ?::text)", role, password);
    }

    /** Runs the statement that {@code formatSql} (a {@code select format(...)} with bind parameters) returns. */
    static void execute(Connection c, String formatSql, String... args) throws SQLException {
        String sql;
        try (PreparedStatement ps = c.prepareStatement(formatSql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }
}
