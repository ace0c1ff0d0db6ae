package org.ehcptracker.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ehcptracker.devinfra.EmbeddedPostgresServer;
import org.ehcptracker.eventstore.EventStore;
import org.ehcptracker.eventstore.NewEvent;
import org.flywaydb.core.Flyway;

/**
 * Issue 14 item 5, first part: appending events through the project's event store ({@code EventStore.append}, the
 * Vert.x client, as the relay's tests and tools use it; the services go through Hibernate Reactive's session, which
 * runs the same statement inside their transaction) against plain batched JDBC inserting the same rows into the same table, and against
 * Axon Framework 4.13's JDBC event storage engine, all on one PostgreSQL ({@code EmbeddedPostgresServer.startTemporary()},
 * in this JVM), each contender in a database of its own built by its own schema (the event store's Flyway scripts;
 * Axon's {@code PostgresEventTableFactory}).
 *
 * <p>The work is the same for everyone: commands that each open a new stream (a case created) with 1, 2 or 3 events
 * (in turn) of 200 to 1,600 bytes of JSON payload and a small metadata object, one command = one transaction, run by
 * {@code benchmark.writers} threads in parallel (the project's store, whose client is asynchronous: as many chains of
 * appends on the Vert.x event loop, the way the services run it; a diagnostic drives it from blocked threads as well).
 * After a warm-up round, {@code benchmark.rounds} rounds run every
 * contender once each, in a rotating order, so a burst of load from the machine's other processes falls on all of
 * them alike. Prints events/s per contender and per round, and the ratios against plain JDBC and Axon.
 *
 * <p>Diagnostic contenders (not in the goals, {@code -Dbenchmark.diagnose=false} leaves them out) isolate where the
 * store's time goes: the append inside a caller's transaction (BEGIN, append, COMMIT: the services' path), the
 * append with the Vert.x client's prepared-statement cache off (the client's default), the store's statement run over
 * JDBC (the client's cost vs the SQL's), plain JDBC with a version check before the insert (the extra round trip), and
 * plain JDBC into a table without the NOTIFY trigger.
 * <pre>
 * ./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.EventAppendBenchmark
 * </pre>
 * Settings (system properties): {@code benchmark.commands} (2000 per contender per round), {@code benchmark.rounds} (5),
 * {@code benchmark.writers} (4), {@code benchmark.diagnose} (true).
 */
public final class EventAppendBenchmark {

    static final int[] PAYLOAD_SIZES = {200, 400, 800, 1600};
    static final String METADATA = "{\"actor\":\"caseworker:bench\",\"correlationId\":\"%s\"}";

    /** The rows of one event, the same for every contender. */
    record EventData(UUID eventId, UUID caseId, String type, String payload, String metadata, Instant occurredAt) {
    }

    /** One command: a new stream (its id is the case id) with its 1-3 events. */
    record Command(UUID streamId, List<EventData> events) {
    }

    /** A way of appending one command's events in one transaction. */
    interface Contender extends AutoCloseable {
        String name();

        /** What the caller has in hand before it appends (its own event objects); built outside the timing. */
        default Object prepare(Command command) {
            return command;
        }

        void append(Object prepared) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        int commands = Integer.getInteger("benchmark.commands", 2000);
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        int writers = Integer.getInteger("benchmark.writers", 4);
        boolean diagnose = Boolean.parseBoolean(System.getProperty("benchmark.diagnose", "true"));
        System.out.println("# event append benchmark, " + Instant.now() + ", " + Machine.describe());
        System.out.printf(Locale.ROOT, "# %d commands (1-3 events each, %d events) per contender per round, %d rounds"
                        + " after one warm-up round, %d writer threads%n", commands, eventsOf(commands), rounds, writers);
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary()) {
            List<String> databases = new ArrayList<>(List.of("bench_store", "bench_jdbc", "bench_axon"));
            if (diagnose) {
                databases.addAll(List.of("bench_store_tx", "bench_store_uncached", "bench_store_blocking", "bench_store_sql", "bench_jdbc_check", "bench_jdbc_no_notify"));
            }
            pg.createDatabases(databases);
            for (String db : databases) {
                if (db.equals("bench_axon")) {
                    AxonJdbc.createSchema(pg.port(), db);
                } else {
                    Flyway.configure().dataSource(url(pg.port(), db), EmbeddedPostgresServer.USER,
                            EmbeddedPostgresServer.PASSWORD).locations("classpath:db/event-store").load().migrate();
                }
            }
            if (diagnose) {
                sql(pg.port(), "bench_jdbc_no_notify", "drop trigger event_appended_notify on event");
            }
            printSettings(pg.port());
            Vertx vertx = Vertx.vertx();
            try {
                List<Contender> contenders = contenders(vertx, pg.port(), writers, diagnose);
                try {
                    run(contenders, commands, rounds, writers);
                } finally {
                    for (Contender c : contenders) {
                        c.close();
                    }
                }
                if (diagnose) {
                    countRoundTrips(vertx, pg.port());
                }
            } finally {
                vertx.closeAndAwait();
            }
        }
        System.out.println("# load average at the end " + Machine.loadAverage());
    }

    private static List<Contender> contenders(Vertx vertx, int port, int writers, boolean diagnose) throws Exception {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new ProjectEventStore("project event store (EventStore.append)", vertx, port, "bench_store",
                writers, true, false, false));
        contenders.add(new PlainJdbc("plain batched JDBC", port, "bench_jdbc", writers, false));
        contenders.add(new AxonJdbc(port, "bench_axon", writers));
        if (diagnose) {
            contenders.add(new ProjectEventStore("diagnostic: EventStore.append in a caller's transaction (BEGIN, append,"
                    + " COMMIT, as the services)", vertx, port, "bench_store_tx", writers, true, true, false));
            contenders.add(new ProjectEventStore("diagnostic: EventStore.append, Vert.x statement cache off", vertx,
                    port, "bench_store_uncached", writers, false, false, false));
            contenders.add(new ProjectEventStore("diagnostic: EventStore.append awaited by a blocked thread per writer",
                    vertx, port, "bench_store_blocking", writers, true, false, true));
            contenders.add(new StoreSqlOverJdbc(port, "bench_store_sql", writers));
            contenders.add(new PlainJdbc("diagnostic: plain JDBC + version check first", port, "bench_jdbc_check",
                    writers, true));
            contenders.add(new PlainJdbc("diagnostic: plain JDBC, no NOTIFY trigger", port, "bench_jdbc_no_notify",
                    writers, false));
        }
        return contenders;
    }

    /**
     * Network round trips per command, counted by a relay between client and PostgreSQL: on a host where every
     * process waits for a core, each round trip is a wait for the server's backend to be scheduled, so their number
     * is what the contenders' speeds follow. One writer, so the count per command is exact.
     */
    private static void countRoundTrips(Vertx vertx, int port) throws Exception {
        int n = 300;
        System.out.println();
        System.out.println("| contender | round trips per command (" + n + " commands, 1 writer, after " + n + " warm-up) |");
        System.out.println("|---|---|");
        try (RoundTripCounter counter = RoundTripCounter.start(port)) {
            Random random = new Random(7);
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                for (Contender c : contenders(vertx, counter.port(), 1, true)) {
                    try (c) {
                        timed(pool, 1, c, prepared(c, commands(random, n)));
                        long before = counter.roundTrips();
                        timed(pool, 1, c, prepared(c, commands(random, n)));
                        System.out.printf(Locale.ROOT, "| %s | %.2f |%n", c.name(),
                                (counter.roundTrips() - before) / (double) n);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void run(List<Contender> contenders, int commands, int rounds, int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        Random random = new Random(2025);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.forEach(c -> rates.put(c.name(), new ArrayList<>()));
        try {
            long t0 = System.nanoTime();
            for (Contender c : contenders) {
                timed(pool, writers, c, prepared(c, commands(random, commands / 2)));
            }
            System.out.printf(Locale.ROOT, "# warm-up (%d commands each) in %.1f s; load average %s%n", commands / 2,
                    (System.nanoTime() - t0) / 1e9, Machine.loadAverage());
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder("# round " + (round + 1) + ":");
                for (int k = 0; k < contenders.size(); k++) {
                    // rotate the order, so no contender always runs first after the others
                    Contender c = contenders.get((k + round) % contenders.size());
                    List<Object> work = prepared(c, commands(random, commands));
                    double seconds = timed(pool, writers, c, work);
                    double eventsPerSecond = eventsOf(commands) / seconds;
                    rates.get(c.name()).add(eventsPerSecond);
                    line.append(String.format(Locale.ROOT, " %s %.0f ev/s;", shortName(c.name()), eventsPerSecond));
                }
                System.out.println(line + " load " + Machine.loadAverage());
            }
        } finally {
            pool.shutdown();
        }
        report(rates, rounds);
    }

    private static void report(Map<String, List<Double>> rates, int rounds) {
        List<String> names = new ArrayList<>(rates.keySet());
        String store = names.get(0);
        String jdbc = names.get(1);
        String axon = names.get(2);
        System.out.println();
        System.out.println("events/s: median of " + rounds + " rounds (min-max); ratios are the median of the per-round"
                + " ratios (contenders of one round ran back to back)");
        System.out.println();
        System.out.println("| contender | events/s (median) | min-max | vs plain JDBC | vs Axon |");
        System.out.println("|---|---|---|---|---|");
        for (String name : names) {
            List<Double> r = rates.get(name);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f-%.0f | %.2f | %.2f |%n", name, median(r),
                    r.stream().mapToDouble(d -> d).min().orElse(0), r.stream().mapToDouble(d -> d).max().orElse(0),
                    medianRatio(r, rates.get(jdbc)), medianRatio(r, rates.get(axon)));
        }
        double vsJdbc = medianRatio(rates.get(store), rates.get(jdbc));
        double vsAxon = medianRatio(rates.get(store), rates.get(axon));
        System.out.println();
        System.out.printf(Locale.ROOT, "goal >= 0.90x plain JDBC: %.2fx %s; goal >= 1.00x Axon: %.2fx %s%n", vsJdbc,
                vsJdbc >= 0.9 ? "MET" : "MISSED", vsAxon, vsAxon >= 1.0 ? "MET" : "MISSED");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median over rounds of a[i] / b[i]: each ratio compares two runs of the same round. */
    static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return median(ratios);
    }

    private static String shortName(String name) {
        return name.replace("diagnostic: ", "d:");
    }

    /** Events in {@code n} commands of 1, 2, 3, 1, 2, 3... events. */
    static int eventsOf(int n) {
        return (n / 3) * 6 + (n % 3 == 2 ? 3 : n % 3);
    }

    /** {@code n} new streams of 1, 2, 3, 1... events, payload sizes drawn from {@link #PAYLOAD_SIZES}. */
    static List<Command> commands(Random random, int n) {
        List<Command> out = new ArrayList<>(n);
        String[] types = {"AssessmentRequested", "CaseworkerAssigned", "AssessmentDecisionRecorded"};
        for (int i = 0; i < n; i++) {
            UUID caseId = UUID.randomUUID();
            List<EventData> events = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (int e = 0; e <= i % 3; e++) {
                int size = PAYLOAD_SIZES[random.nextInt(PAYLOAD_SIZES.length)];
                events.add(new EventData(UUID.randomUUID(), caseId, types[e], payload(caseId, size, random),
                        String.format(Locale.ROOT, METADATA, UUID.randomUUID()), now));
            }
            out.add(new Command(caseId, events));
        }
        return out;
    }

    /** A JSON object of about {@code size} bytes, shaped like a case event (ids, a code, a date, some text). */
    static String payload(UUID caseId, int size, Random random) {
        String head = "{\"caseId\":\"" + caseId + "\",\"localAuthorityCode\":\"990\",\"receivedDate\":\"2025-0"
                + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\",\"requestedBy\":\"PARENT\",\"note\":\"";
        StringBuilder text = new StringBuilder(head);
        while (text.length() < size - 2) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.append("\"}").toString();
    }

    private static List<Object> prepared(Contender contender, List<Command> commands) {
        return commands.stream().map(contender::prepare).toList();
    }

    /** Runs every command on {@code writers} threads (or chains, see below); the wall-clock seconds it took. */
    private static double timed(ExecutorService pool, int writers, Contender contender, List<Object> work) throws Exception {
        if (contender instanceof ProjectEventStore store && store.drivenAsynchronously()) {
            return timedOnTheEventLoop(writers, store, work);
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < writers; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
                    contender.append(work.get(i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The asynchronous client driven as the services drive it: {@code writers} chains of appends, each starting the
     * next when the last completes (on the event loop), so {@code writers} appends are in flight, as with
     * {@code writers} blocked threads, but no thread waits for a wake-up between round trips.
     */
    private static double timedOnTheEventLoop(int writers, ProjectEventStore contender, List<Object> work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<java.util.concurrent.CompletableFuture<Void>> chains = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < writers; t++) {
            chains.add(chain(contender, work, next).subscribeAsCompletionStage());
        }
        java.util.concurrent.CompletableFuture.allOf(chains.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(10, java.util.concurrent.TimeUnit.MINUTES);
        return (System.nanoTime() - start) / 1e9;
    }

    private static Uni<Void> chain(ProjectEventStore contender, List<Object> work, AtomicInteger next) {
        int i = next.getAndIncrement();
        if (i >= work.size()) {
            return Uni.createFrom().voidItem();
        }
        return contender.appendAsync(work.get(i)).replaceWithVoid().chain(() -> chain(contender, work, next));
    }

    static String url(int port, String db) {
        return "jdbc:postgresql://localhost:" + port + "/" + db;
    }

    private static void printSettings(int port) throws Exception {
        try (Connection c = connect(port, "bench_jdbc"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version(), current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " current_setting('shared_buffers')")) {
            rs.next();
            System.out.printf("# %s; fsync=%s synchronous_commit=%s shared_buffers=%s%n", rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    static Connection connect(int port, String db) throws java.sql.SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedPostgresServer.USER);
        props.setProperty("password", EmbeddedPostgresServer.PASSWORD);
        return new org.postgresql.Driver().connect(url(port, db), props);
    }

    private static void sql(int port, String db, String statement) throws Exception {
        try (Connection c = connect(port, db); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static HikariDataSource hikari(int port, String db, int size) {
        HikariConfig config = new HikariConfig();
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url(port, db));
        config.setUsername(EmbeddedPostgresServer.USER);
        config.setPassword(EmbeddedPostgresServer.PASSWORD);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** The project's store: {@code EventStore.append(streamId, NO_STREAM, events)}, its own transaction. */
    static final class ProjectEventStore implements Contender {
        private final String name;
        private final Pool pool;
        private final EventStore store;
        private final boolean callersTransaction;
        private final boolean blockedCaller;

        /**
         * {@code cachePrepared}: the Vert.x client's prepared-statement cache (the services' shared default turns it
         * on; the client's own default is off). {@code callersTransaction}: append inside {@code pool.withTransaction},
         * as the services do inside Hibernate Reactive's transaction (BEGIN, the append, COMMIT), instead of the
         * append's own one-statement transaction. {@code blockedCaller}: each writer is a thread that blocks on every
         * append (as the JDBC and Axon contenders must); otherwise each writer is a chain of appends on the Vert.x
         * event loop, as the services run them (a request's Uni), with the same number in flight.
         */
        ProjectEventStore(String name, Vertx vertx, int port, String db, int size, boolean cachePrepared,
                          boolean callersTransaction, boolean blockedCaller) {
            this.name = name;
            this.callersTransaction = callersTransaction;
            this.blockedCaller = blockedCaller;
            PgConnectOptions options = new PgConnectOptions().setHost("localhost").setPort(port).setDatabase(db)
                    .setUser(EmbeddedPostgresServer.USER).setPassword(EmbeddedPostgresServer.PASSWORD)
                    .setCachePreparedStatements(cachePrepared);
            this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options).using(vertx).build();
            // first Mutiny use before the writer threads race to initialise context propagation
            pool.query("select 1").execute().await().atMost(Duration.ofSeconds(30));
            this.store = new EventStore(pool);
        }

        @Override
        public String name() {
            return name;
        }

        record Append(UUID streamId, List<NewEvent> events) {
        }

        @Override
        public Object prepare(Command command) {
            List<NewEvent> events = new ArrayList<>(command.events().size());
            for (EventData e : command.events()) {
                events.add(new NewEvent(e.eventId(), e.caseId(), e.type(), 1, e.payload(), e.metadata(), e.occurredAt()));
            }
            return new Append(command.streamId(), events);
        }

        @Override
        public void append(Object prepared) {
            appendAsync(prepared).await().atMost(Duration.ofSeconds(60));
        }

        Uni<?> appendAsync(Object prepared) {
            Append a = (Append) prepared;
            return callersTransaction
                    ? pool.withTransaction(tx -> store.append(tx, a.streamId(), EventStore.NO_STREAM, a.events()))
                    : store.append(a.streamId(), EventStore.NO_STREAM, a.events());
        }

        boolean drivenAsynchronously() {
            return !blockedCaller;
        }

        @Override
        public void close() {
            pool.close().await().atMost(Duration.ofSeconds(30));
        }
    }

    /** One batched INSERT of the rows into the event store's table (and, if asked, the version check first). */
    static final class PlainJdbc implements Contender {
        static final String INSERT = "insert into event (event_id, stream_id, stream_version, case_id, type,"
                + " schema_version, payload, metadata, occurred_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";
        static final String CHECK = "select coalesce(max(stream_version), 0) from event where stream_id = ?";
        private final String name;
        private final HikariDataSource dataSource;
        private final boolean check;

        PlainJdbc(String name, int port, String db, int size, boolean check) {
            this.name = name;
            this.dataSource = hikari(port, db, size);
            this.check = check;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void append(Object prepared) throws Exception {
            Command command = (Command) prepared;
            try (Connection c = dataSource.getConnection()) {
                if (check) {
                    try (PreparedStatement s = c.prepareStatement(CHECK)) {
                        s.setObject(1, command.streamId());
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) != 0) {
                                throw new IllegalStateException("stream exists: " + command.streamId());
                            }
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    int version = 1;
                    for (EventData e : command.events()) {
                        s.setObject(1, e.eventId());
                        s.setObject(2, command.streamId());
                        s.setInt(3, version++);
                        s.setObject(4, e.caseId());
                        s.setString(5, e.type());
                        s.setInt(6, 1);
                        s.setString(7, e.payload());
                        s.setString(8, e.metadata());
                        s.setTimestamp(9, Timestamp.from(e.occurredAt()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            }
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** The store's own statement ({@code EventStore}'s append SQL, copied) over JDBC. */
    static final class StoreSqlOverJdbc implements Contender {
        static final String APPEND = """
                with state as materialized (
                    select pg_current_xact_id_if_assigned() is null as first_write,
                           coalesce((select max(stream_version) from event where stream_id = ?::uuid), 0) as current_version
                ), appended as (
                    insert into event (event_id, stream_id, stream_version, case_id, type, schema_version,
                                       payload, metadata, occurred_at)
                    select e.event_id, ?::uuid, (?::int + e.ord)::int, e.case_id, e.type, e.schema_version,
                           e.payload, e.metadata, e.occurred_at
                      from state s,
                           jsonb_to_recordset(cast(cast(? as text) as jsonb))
                           as e(event_id uuid, case_id uuid, type text, schema_version int, payload jsonb, metadata jsonb,
                                occurred_at timestamptz, ord int)
                     where s.first_write and s.current_version = ?::int
                     order by e.ord
                    returning position, stream_version, payload, metadata
                )
                select s.first_write::text, s.current_version::text, a.position::text, a.stream_version::text,
                       a.payload::text, a.metadata::text
                  from state s left join appended a on true""";
        private final HikariDataSource dataSource;
        private final ObjectMapper json = new ObjectMapper();

        StoreSqlOverJdbc(int port, String db, int size) {
            this.dataSource = hikari(port, db, size);
        }

        @Override
        public String name() {
            return "diagnostic: the store's statement over JDBC";
        }

        @Override
        public void append(Object prepared) throws Exception {
            Command command = (Command) prepared;
            var batch = json.createArrayNode();
            int ord = 1;
            for (EventData e : command.events()) {
                batch.addObject().put("event_id", e.eventId().toString()).put("case_id", e.caseId().toString())
                        .put("type", e.type()).put("schema_version", 1)
                        .putRawValue("payload", new com.fasterxml.jackson.databind.util.RawValue(e.payload()))
                        .putRawValue("metadata", new com.fasterxml.jackson.databind.util.RawValue(e.metadata()))
                        .put("occurred_at", e.occurredAt().toString()).put("ord", ord++);
            }
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement(APPEND)) {
                    s.setString(1, command.streamId().toString());
                    s.setString(2, command.streamId().toString());
                    s.setInt(3, 0);
                    s.setString(4, json.writeValueAsString(batch));
                    s.setInt(5, 0);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString(3) == null) {
                                throw new IllegalStateException("not a first write of a new stream");
                            }
                        }
                    }
                }
                c.commit();
            }
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /**
     * Axon Framework 4.13's {@code JdbcEventStorageEngine} on its PostgreSQL schema, appending a command's domain
     * events in a unit of work whose JDBC connection commits when the unit of work does (Axon's own
     * {@code UnitOfWorkAwareConnectionProviderWrapper} over the same kind of pool as plain JDBC), payloads and
     * metadata serialized by its {@code JacksonSerializer}.
     */
    static final class AxonJdbc implements Contender {
        private final HikariDataSource dataSource;
        private final JdbcEventStorageEngine engine;
        private final ObjectMapper json = new ObjectMapper();

        AxonJdbc(int port, String db, int size) throws Exception {
            this.dataSource = hikari(port, db, size);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            this.engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(dataSource)))
                    .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                    .snapshotSerializer(serializer).build();
        }

        /** Axon's tables, with an auto-committing connection of its own. */
        static void createSchema(int port, String db) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine.builder().connectionProvider(() -> connect(port, db))
                    .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                    .snapshotSerializer(serializer).build().createSchema(PostgresEventTableFactory.INSTANCE);
        }

        @Override
        public String name() {
            return "Axon 4.13 JdbcEventStorageEngine";
        }

        @Override
        public Object prepare(Command command) {
            List<DomainEventMessage<?>> messages = new ArrayList<>(command.events().size());
            long sequence = 0;
            try {
                for (EventData e : command.events()) {
                    ObjectNode payload = (ObjectNode) json.readTree(e.payload());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> metadata = json.readValue(e.metadata(), Map.class);
                    messages.add(new GenericDomainEventMessage<>("Case", command.streamId().toString(), sequence++,
                            payload, MetaData.from(metadata), e.eventId().toString(), e.occurredAt()));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return messages;
        }

        @Override
        public void append(Object prepared) {
            @SuppressWarnings("unchecked")
            List<DomainEventMessage<?>> messages = (List<DomainEventMessage<?>>) prepared;
            DefaultUnitOfWork.startAndGet(messages.get(0)).execute(() -> engine.appendEvents(messages));
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
