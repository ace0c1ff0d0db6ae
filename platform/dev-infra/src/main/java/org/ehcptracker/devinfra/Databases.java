package org.ehcptracker.devinfra;

import java.sql.Connection;
import java.util.Properties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** CREATE DATABASE if missing, tolerant of concurrent creators. */
final class Databases {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Databases() {
    }

    static void createIfMissing(String host, int port, String user, String password, String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + NAME + ": " + database);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        // the driver directly, not DriverManager: works in any class loader (Quarkus test class loaders included)
        try (Connection c = new org.postgresql.Driver().connect(url, props)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 unique_violation: another JVM created it meanwhile
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + host + ":" + port, e);
        }
    }
}
