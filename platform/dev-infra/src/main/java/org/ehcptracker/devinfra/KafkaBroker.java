package org.ehcptracker.devinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node KRaft Kafka broker (process.roles=broker,controller, node.id=1) running inside this JVM,
 * on a fixed port and data directory, so it can be stopped and started again with its data (broker-outage tests).
 *
 * <p>This is the only way dev-infra runs Kafka: {@link TestInfra} and the {@code LocalStack kafka} launcher both
 * use it. It writes {@code <dataDir>/server.properties}, formats {@code <dataDir>/logs} on first use
 * ({@code kafka-storage format}, via {@link StorageTool}), then runs {@link KafkaRaftServer}.
 *
 * <p>Restart shape: {@link #stop()} then {@link #restart()} on the same object (same port, controller port and
 * directory; returns {@code this}). Calling {@link #start(int, Path)} again with the same port and directory works
 * as well: the controller port is kept in the directory's server.properties.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String PROPS_FILE = "server.properties";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path propsFile;
    private KafkaRaftServer server;

    private KafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.propsFile = dataDir.resolve(PROPS_FILE);
    }

    /**
     * Starts a broker on {@code localhost:port} with its data in {@code dataDir} (created and formatted on first
     * use). The controller listener takes the port recorded in {@code dataDir/server.properties}, or a free one.
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, 0, dataDir);
    }

    /** As {@link #start(int, Path)}, with an explicit controller port (0: recorded one, else a free one). */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        int cport = controllerPort > 0 ? controllerPort : recordedControllerPort(dir);
        if (cport <= 0) {
            cport = FreePort.find();
            if (cport == port) {
                cport = FreePort.find();
            }
        }
        KafkaBroker broker = new KafkaBroker(port, cport, dir);
        broker.doStart();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker: its ports are released and clients can no longer reach it. Data is kept. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
        waitUntil(() -> !FreePort.isListening(port) && !FreePort.isListening(controllerPort), Duration.ofSeconds(10),
                "ports " + port + "/" + controllerPort + " still in use after stop");
    }

    /** Starts this (stopped) broker again on the same ports and directory, with its data. Returns {@code this}. */
    public synchronized KafkaBroker restart() {
        if (server == null) {
            doStart();
        }
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void doStart() {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("logs");
            Properties props = serverProperties(logDir);
            try (Writer w = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
                props.store(w, "written by org.ehcptracker.devinfra.KafkaBroker");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format();
            }
            KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                s.startup();
            } catch (RuntimeException e) {
                try {
                    s.shutdown();
                } catch (RuntimeException ignored) {
                    // best effort
                }
                throw e;
            }
            server = s;
            awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka broker in " + dataDir, e);
        }
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // small footprint: the defaults are sized for production
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.cleaner.dedupe.buffer.size", "4194304");
        p.setProperty("log.cleaner.threads", "1");
        // a restarted broker must not wait long for its previous registration to expire
        p.setProperty("broker.session.timeout.ms", "2000");
        p.setProperty("broker.heartbeat.interval.ms", "400");
        return p;
    }

    private void format() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "--ignore-formatted", "-t", Uuid.randomUuid().toString(),
                "-c", propsFile.toString()}, ps);
        } catch (RuntimeException e) {
            throw new IllegalStateException("kafka-storage format failed for " + dataDir + ": " + e.getMessage()
                + "\n" + out.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed (" + rc + ") for " + dataDir + ":\n"
                + out.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = new RuntimeException(e);
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready within " + timeout, last);
    }

    private static int recordedControllerPort(Path dir) {
        Path f = dir.resolve(PROPS_FILE);
        if (!Files.exists(f)) {
            return 0;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return 0;
        }
        String voters = p.getProperty("controller.quorum.voters", "");
        int colon = voters.lastIndexOf(':');
        if (colon < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(voters.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String message) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(message);
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", controller " + controllerPort + ", " + dataDir + "]";
    }
}
