package org.ehcptracker.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.KafkaBroker;
import org.ehcptracker.devinfra.KeycloakServer;
import org.ehcptracker.devinfra.ServiceProcess;

/**
 * What every benchmark runs against: PostgreSQL, Kafka and Keycloak (platform/dev-infra, in the benchmark's JVM) and
 * one service from its packaged quarkus-run.jar as a separate JVM at -Xmx256m (as {@code ./ehcp up} runs it), with
 * its own database; one caller (a team manager and caseworker of every council) with one token for the whole run.
 */
final class BenchmarkStack {

    /** The benchmark itself, once the service is ready. */
    @FunctionalInterface
    interface Body {
        /**
         * @param baseUrl the service's address
         * @param bearer  the value of the Authorization header
         * @param jdbc    the JDBC URL of the service's database, for seeding and EXPLAIN
         */
        void run(String baseUrl, String bearer, String jdbc) throws Exception;
    }

    /** The running service's process id (for its memory), once started. */
    static final java.util.concurrent.atomic.AtomicLong SERVICE_PID = new java.util.concurrent.atomic.AtomicLong();

    private BenchmarkStack() {
    }

    static void run(String title, String service, String database, Body body) throws Exception {
        run(title, service, database, bootstrapServers -> { }, Duration.ofSeconds(180), body);
    }

    /** What runs once Kafka is up, before the service starts: e.g. writing a history to its topics. */
    @FunctionalInterface
    interface BeforeService {
        void run(String kafkaBootstrapServers) throws Exception;
    }

    /**
     * As {@link #run(String, String, String, Body)}, with {@code before} run first and {@code ready} as the wait for
     * the service's readiness (which for reporting-service includes catching up with the topics).
     */
    static void run(String title, String service, String database, BeforeService before, Duration ready, Body body)
            throws Exception {
        run(title, service, database, before, ready, (baseUrl, jdbc, pid) -> () -> { }, body);
    }

    /** What watches the service from its start until the body ends (e.g. a projection's progress while it catches up). */
    @FunctionalInterface
    interface Watch {
        AutoCloseable start(String baseUrl, String jdbc, long servicePid) throws Exception;
    }

    /** As {@link #run(String, String, String, BeforeService, Duration, Body)}, with {@code watch} from the service's start. */
    static void run(String title, String service, String database, BeforeService before, Duration ready, Watch watch,
                    Body body) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Path jar = WorklistBenchmark.jar(service);
        Path work = Files.createTempDirectory(title.replace(' ', '-') + "-");
        System.out.println("# " + title + ", " + java.time.Instant.now() + ", " + Machine.describe());
        System.out.println("# work directory " + work + ", service " + jar);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary();
             KafkaBroker kafka = KafkaBroker.start(FreePort.find(), FreePort.find(), work.resolve("kafka"));
             KeycloakServer keycloak = KeycloakServer.start(FreePort.find(), work.resolve("keycloak"),
                     KeycloakServer.localRealmFile())) {
            String bearer = BenchmarkSignIn.bearer(keycloak);
            pg.createDatabases(List.of(database));
            before.run(kafka.bootstrapServers());
            var env = new java.util.HashMap<>(Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(pg.port()),
                    "PGUSER", EmbeddedPostgresServer.USER, "PGPASSWORD", EmbeddedPostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "EHCP_OIDC_URL", keycloak.issuer()));
            try (ServiceProcess process = ServiceProcess.start(service, jar, FreePort.find(), env,
                    work.resolve(service + ".log"), List.of("-Xmx256m"))) {
                SERVICE_PID.set(process.pid());
                try (AutoCloseable watching = watch.start(process.baseUrl(), pg.jdbcBaseUrl() + database, process.pid())) {
                    process.awaitReady(ready);
                    body.run(process.baseUrl(), bearer, pg.jdbcBaseUrl() + database);
                }
                System.out.println("# load average at the end " + Machine.loadAverage());
            }
        }
    }
}
