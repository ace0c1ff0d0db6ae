package org.ehcptracker.devinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Local-stack launcher: runs one real server in the foreground until SIGTERM/SIGINT, then stops it cleanly.
 *
 * <pre>
 * java -cp "$(cat platform/dev-infra/target/launcher.classpath):platform/dev-infra/target/classes" \
 *      org.ehcptracker.devinfra.LocalStack postgres --port 5433 --data-dir .local/pg --databases assessment,advice
 * java -cp ... org.ehcptracker.devinfra.LocalStack kafka --port 9092 --controller-port 9093 --data-dir .local/kafka
 * java -cp ... org.ehcptracker.devinfra.LocalStack keycloak --port 8180 --data-dir .local/keycloak --realm-file deploy/local/ehcp-realm.json
 * </pre>
 *
 * Prints {@code READY postgres jdbc:postgresql://localhost:5433/}, {@code READY kafka localhost:9092} or
 * {@code READY keycloak http://localhost:8180/realms/ehcp} on stdout when the server accepts clients (Keycloak's own
 * console output goes to stdout too). Data directories persist across restarts. Logs go to stderr (SLF4J, level WARN
 * unless {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}).
 */
@Command(name = "LocalStack", mixinStandardHelpOptions = true,
    description = "Runs a real PostgreSQL, Kafka (KRaft) or Keycloak server for local development, in the foreground.",
    subcommands = {LocalStack.Postgres.class, LocalStack.Kafka.class, LocalStack.Keycloak.class})
public final class LocalStack implements Runnable {
    public static final String READY = "READY";

    public static void main(String[] args) {
        quietLogging();
        int rc = new CommandLine(new LocalStack()).execute(args);
        System.exit(rc);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    @Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "PostgreSQL 17 (embedded binaries) with a persistent data directory.")
    static final class Postgres implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "5433", description = "listen port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--data-dir", required = true, description = "data directory, kept across restarts")
        Path dataDir;

        @Option(names = "--databases", split = ",", description = "databases to create if missing, comma separated")
        List<String> databases = new ArrayList<>();

        @Option(names = "--passwords-file", description = "properties file: 'postgres' (the superuser) and one "
            + "password per database; with it, every client needs a password and each database gets a role of its "
            + "own name that alone can connect to it. Without it: trust authentication, superuser only.")
        Path passwordsFile;

        @Option(names = "--idle-in-transaction-timeout", defaultValue = "${env:EHCP_PG_IDLE_IN_TRANSACTION_TIMEOUT:-30}",
            description = "seconds a session may sit idle inside a transaction, cluster-wide; 0: no limit"
                + " (default ${DEFAULT-VALUE}, env EHCP_PG_IDLE_IN_TRANSACTION_TIMEOUT)")
        long idleInTransactionSeconds;

        @Option(names = "--transaction-timeout", defaultValue = "${env:EHCP_PG_TRANSACTION_TIMEOUT:-60}",
            description = "seconds any transaction may stay open, cluster-wide (it holds every relay back meanwhile);"
                + " 0: no limit (default ${DEFAULT-VALUE}, env EHCP_PG_TRANSACTION_TIMEOUT)")
        long transactionSeconds;

        @Override
        public Integer call() throws InterruptedException, java.io.IOException {
            long t0 = System.nanoTime();
            Properties passwords = new Properties();
            if (passwordsFile != null) {
                try (var in = java.nio.file.Files.newBufferedReader(passwordsFile)) {
                    passwords.load(in);
                }
                for (String name : concat(EmbeddedPostgresServer.USER, databases)) {
                    if (passwords.getProperty(name, "").isBlank()) {
                        System.err.println("LocalStack: no password for '" + name + "' in " + passwordsFile);
                        return 2;
                    }
                }
            }
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.startPersistent(port, dataDir,
                new EmbeddedPostgresServer.TransactionLimits(java.time.Duration.ofSeconds(idleInTransactionSeconds),
                    java.time.Duration.ofSeconds(transactionSeconds)),
                passwordsFile == null ? null : passwords.getProperty(EmbeddedPostgresServer.USER));
            CountDownLatch stopped = onShutdown(pg::close);
            if (passwordsFile == null) {
                pg.createDatabases(databases);
            } else {
                Map<String, String> byDatabase = new LinkedHashMap<>();
                databases.forEach(d -> byDatabase.put(d, passwords.getProperty(d)));
                ServiceRoles.apply(pg, byDatabase);
            }
            ready("postgres", pg.jdbcBaseUrl(), t0);
            stopped.await();
            return 0;
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "Single-node Kafka 4.0 KRaft broker+controller with a persistent data directory.")
    static final class Kafka implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "9092", description = "PLAINTEXT port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--controller-port", defaultValue = "9093",
            description = "CONTROLLER port (default ${DEFAULT-VALUE})")
        int controllerPort;

        @Option(names = "--data-dir", required = true, description = "data directory, kept across restarts")
        Path dataDir;

        @Override
        public Integer call() throws InterruptedException {
            long t0 = System.nanoTime();
            KafkaBroker broker = KafkaBroker.start(port, controllerPort, dataDir);
            CountDownLatch stopped = onShutdown(broker::close);
            ready("kafka", broker.bootstrapServers(), t0);
            stopped.await();
            return 0;
        }
    }

    @Command(name = "keycloak", mixinStandardHelpOptions = true,
        description = "Keycloak " + KeycloakServer.VERSION + " (start-dev, needs JDK 21+) with the realm file imported.")
    static final class Keycloak implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8180", description = "HTTP port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--data-dir", required = true, description = "Keycloak home and database, kept across restarts")
        Path dataDir;

        @Option(names = "--realm-file", required = true, description = "realm export to import (re-imported when it changes)")
        Path realmFile;

        @Override
        public Integer call() throws InterruptedException {
            long t0 = System.nanoTime();
            KeycloakServer kc;
            try {
                kc = KeycloakServer.start(port, dataDir, realmFile, ProcessBuilder.Redirect.INHERIT,
                    KeycloakServer.DEFAULT_TIMEOUT);
            } catch (RuntimeException e) {
                // e.g. no JDK 21+: one clear line, no stack trace
                System.err.println("LocalStack: " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = onShutdown(kc::close);
            ready("keycloak", kc.issuer(), t0);
            stopped.await();
            return 0;
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    /** Registers the stop action; the returned latch never opens before the JVM is shutting down. */
    private static CountDownLatch onShutdown(Runnable stop) {
        CountDownLatch latch = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
                System.err.println("LocalStack: stopped");
            } catch (Throwable e) {
                System.err.println("LocalStack: stop failed: " + e);
            } finally {
                latch.countDown();
            }
        }, "local-stack-stop"));
        return latch;
    }

    private static void ready(String what, String address, long t0) {
        System.err.printf("LocalStack: %s up in %d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        System.out.println(READY + " " + what + " " + address);
        System.out.flush();
    }

    private static void quietLogging() {
        if (System.getProperty("slf4j.provider") == null && present("org.slf4j.simple.SimpleServiceProvider")) {
            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", System.getProperty(
            "org.slf4j.simpleLogger.showDateTime", "true"));
    }

    private static boolean present(String cls) {
        try {
            Class.forName(cls, false, LocalStack.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
