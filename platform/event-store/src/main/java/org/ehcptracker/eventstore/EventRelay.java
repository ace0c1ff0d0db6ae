package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events of the {@code event} table to one Kafka topic, in commit-safe order, at least
 * once. See docs/event-store.md for the algorithm and the reasons behind it.
 *
 * <p>One thread per relay (never the Vert.x event loop), which blocks on database and Kafka calls.
 * Of all relays with the same name on one database, only the one holding the PostgreSQL advisory
 * lock {@code (LOCK_CLASS_ID, name.hashCode())} publishes; the others retry the lock every
 * {@link RelaySettings#lockRetryInterval()}. The lock, the LISTEN and every relay query share one
 * dedicated connection taken from the pool, so a relay whose connection broke can no longer move the
 * checkpoint.
 *
 * <p>Built without CDI ({@code new EventRelay(pool, settings, producerConfig).start()}); in a
 * Quarkus service {@link EventRelayLifecycle} does it from configuration.
 */
public final class EventRelay implements AutoCloseable {

    /** The NOTIFY channel the {@code event} table's statement trigger signals on commit. */
    public static final String CHANNEL = "ehcp_event_appended";
    /** First key of the advisory lock ("EHCP"); the second is the relay name's hash. */
    public static final int LOCK_CLASS_ID = 0x45484350;
    /** {@link RelayStatus#lag()} counts at most this many events. */
    public static final int LAG_COUNT_CAP = 100_000;

    public static final String HEADER_EVENT_ID = "ehcp-event-id";
    public static final String HEADER_EVENT_TYPE = "ehcp-event-type";
    public static final String HEADER_SCHEMA_VERSION = "ehcp-schema-version";
    public static final String HEADER_STREAM_ID = "ehcp-stream-id";
    public static final String HEADER_STREAM_VERSION = "ehcp-stream-version";
    /**
     * The W3C trace context of the command that appended the event (its metadata's {@code traceparent}), so each
     * consumer continues the command's trace (docs/operations.md, "Traces").
     */
    public static final String HEADER_TRACEPARENT = "traceparent";
    /** version 00: 32 hex trace id, 16 hex parent span id, 2 hex flags; anything else is not passed on */
    static final java.util.regex.Pattern TRACEPARENT = java.util.regex.Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    static final String TRY_LOCK_SQL = "select pg_try_advisory_lock($1, $2) as locked";
    static final String INIT_CHECKPOINT_SQL =
            "insert into relay_checkpoint (relay, tx_id, position) values ($1, '0'::xid8, 0) on conflict (relay) do nothing";
    static final String READ_CHECKPOINT_SQL =
            "select tx_id::text as tx_text, position from relay_checkpoint where relay = $1";
    /**
     * Events after the checkpoint whose transaction is older than every transaction still running
     * (so every event that can ever appear below that horizon is already visible to this statement's
     * snapshot, which is the snapshot pg_current_snapshot() describes). Qualified names on purpose: an
     * output column named {@code tx_id} (the text form) would make {@code order by tx_id} sort as text
     * ("1000" before "950") and skip events.
     */
    static final String FETCH_SQL = """
            select e.position, e.tx_id::text as tx_text, e.event_id, e.stream_id, e.stream_version, e.case_id, e.type,
                   e.schema_version, e.payload::text as payload, e.metadata->>'traceparent' as traceparent
              from event e
             where (e.tx_id, e.position) > ($1::text::xid8, $2::bigint)
               and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
             order by e.tx_id, e.position
             limit $3""";
    /** Never moves the checkpoint backwards. */
    static final String MOVE_CHECKPOINT_SQL = """
            update relay_checkpoint set tx_id = $2::text::xid8, position = $3
             where relay = $1 and (tx_id, position) < ($2::text::xid8, $3::bigint)""";
    /** How many committed events wait after the checkpoint, and when the oldest of them was recorded. */
    static final String LAG_SQL = "select count(*) as n, min(occurred_at) as oldest from (select occurred_at from event"
            + " where (tx_id, position) > ($1::text::xid8, $2::bigint) limit " + LAG_COUNT_CAP + ") t";

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(5);
    private static final long MIN_BACKOFF_MS = 200;

    private final Pool pool;
    private final RelaySettings settings;
    private final Map<String, Object> producerConfig;
    private final int lockObjectId;
    private final Semaphore wake = new Semaphore(0);

    private Thread thread;
    private volatile boolean running;
    /** Set by {@link #stopAfterFinalPass}: publish what is committed, then stop (by this deadline, nanoTime). */
    private volatile boolean finalPass;
    private volatile long finalPassDeadline;

    // relay thread only
    private SqlConnection lockConnection;
    private Producer<String, String> producer;
    private String checkpointTx;
    private long checkpointPosition;

    // status
    private volatile boolean active;
    private volatile long lastPublishedPosition = -1;
    private volatile long publishedTotal;
    private volatile long lag = -1;
    private volatile boolean heldBack;
    private volatile Instant oldestUnpublishedAt;
    private volatile Instant lastProgressAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /**
     * @param producerConfig Kafka producer properties; at least {@code bootstrap.servers}. The relay
     *                       always uses {@code acks=all}, {@code enable.idempotence=true}, string
     *                       serializers and at most 5 requests in flight; by default a 10-minute
     *                       {@code delivery.timeout.ms} so that the producer rides out broker outages.
     */
    public EventRelay(Pool pool, RelaySettings settings, Map<String, Object> producerConfig) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.producerConfig = producerProperties(settings, Objects.requireNonNull(producerConfig, "producerConfig"));
        if (this.producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("producerConfig needs " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.lockObjectId = settings.name().hashCode();
    }

    /** The producer properties the relay will use: its defaults, then {@code given}, then the enforced ones. */
    static Map<String, Object> producerProperties(RelaySettings settings, Map<String, Object> given) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "ehcp-relay-" + settings.name());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.putAll(given);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Object inFlight = p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight == null || Integer.parseInt(inFlight.toString()) > 5) {
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        }
        return Map.copyOf(p);
    }

    public RelaySettings settings() {
        return settings;
    }

    /** Starts the relay thread; it takes the lock (or waits for it) and publishes. Idempotent. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ehcp-relay-" + settings.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the relay: lets the current round finish (up to a few seconds, so that what Kafka
     * acknowledged is checkpointed), then interrupts it, releases the lock and closes the producer.
     */
    public void stop() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        wake.release();
        try {
            t.join(5_000);
            if (t.isAlive()) {
                t.interrupt();
                t.join(15_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warnf("relay %s did not stop within 20s", settings.name());
        }
    }

    /**
     * Stops the relay after a final pass: every event committed by now (the service has stopped taking commands) is
     * published and checkpointed, waiting for older transactions still open in the cluster if it must, for at most
     * {@code timeout}; then it stops as {@link #stop()} does. A standby tries the lock once more (the active instance
     * may have stopped first) and stops at once if it cannot take it: the active relay publishes those events.
     *
     * @return true if the pass ended with nothing publishable left behind
     */
    public boolean stopAfterFinalPass(Duration timeout) {
        Thread t;
        synchronized (this) {
            if (!running) {
                return lag <= 0;
            }
            t = thread;
            finalPassDeadline = System.nanoTime() + timeout.toNanos();
            finalPass = true;
        }
        wake.release();
        try {
            t.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean complete = !t.isAlive() && lastError == null && !heldBack;
        if (t.isAlive()) {
            LOG.warnf("relay %s: the final pass did not finish within %s; stopping it (unpublished events stay in"
                    + " the table and are published by the next relay)", settings.name(), timeout);
        }
        stop();
        return complete;
    }

    @Override
    public void close() {
        stop();
    }

    /** Makes the relay run a round now (as a NOTIFY would). */
    public void wakeUp() {
        wake.release();
    }

    public RelayStatus status() {
        return new RelayStatus(settings.name(), settings.topic(), running, active, lastPublishedPosition,
                publishedTotal, active ? lag : -1, heldBack, active ? oldestUnpublishedAt : null, lastProgressAt, lastError,
                lastErrorAt);
    }

    // ------------------------------------------------------------------ relay thread

    private void run() {
        long backoffMs = MIN_BACKOFF_MS;
        HeldBackRecheck recheck = new HeldBackRecheck(settings.pollInterval().toMillis());
        LOG.infof("relay %s starting (topic %s)", settings.name(), settings.topic());
        try {
            while (running) {
                try {
                    if (lockConnection == null && !tryAcquireLock()) {
                        if (finalPass) {
                            break; // a standby: the active relay publishes
                        }
                        wake.tryAcquire(settings.lockRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                    if (producer == null) {
                        producer = new KafkaProducer<>(new HashMap<>(producerConfig));
                    }
                    wake.drainPermits();
                    boolean finishing = finalPass; // read before the round: what committed before it is in it
                    long publishedBefore = publishedTotal;
                    boolean held = drain();
                    backoffMs = MIN_BACKOFF_MS;
                    lastError = null;
                    if (finishing && (!held || finalPassOver())) {
                        break;
                    }
                    wake.tryAcquire(recheck.afterRound(held, publishedTotal > publishedBefore), TimeUnit.MILLISECONDS);
                } catch (Throwable t) {
                    if (!running || (finalPass && finalPassOver())) {
                        break;
                    }
                    lastError = t.toString();
                    lastErrorAt = Instant.now();
                    if (t instanceof PublishFailure) {
                        LOG.warnf("relay %s: publishing failed, retrying from the checkpoint in %d ms: %s",
                                settings.name(), backoffMs, t.getCause());
                        closeProducer(Duration.ZERO);
                    } else {
                        LOG.warnf(t, "relay %s: round failed, releasing the lock and retrying in %d ms",
                                settings.name(), backoffMs);
                        releaseLock();
                        closeProducer(Duration.ZERO);
                    }
                    try {
                        sleep(finalPass ? Math.min(backoffMs, MIN_BACKOFF_MS) : backoffMs);
                    } catch (InterruptedException e) {
                        if (!running) {
                            break;
                        }
                    }
                    backoffMs = Math.min(backoffMs * 2, settings.maxBackoff().toMillis());
                }
            }
        } finally {
            Thread.interrupted(); // clear, so that cleanup can block
            releaseLock();
            closeProducer(CLEANUP_TIMEOUT);
            LOG.infof("relay %s stopped", settings.name());
        }
    }

    /** For tests: a final pass was asked for and the relay has not stopped yet. */
    boolean finalPassRequested() {
        return finalPass && running;
    }

    private boolean finalPassOver() {
        return System.nanoTime() - finalPassDeadline >= 0;
    }

    /** @return true if it took the lock (and set up LISTEN and the checkpoint) */
    private boolean tryAcquireLock() {
        SqlConnection c = await(pool.getConnection());
        boolean keep = false;
        try {
            boolean locked = await(c.preparedQuery(TRY_LOCK_SQL).execute(Tuple.of(LOCK_CLASS_ID, lockObjectId)))
                    .iterator().next().getBoolean("locked");
            if (!locked) {
                return false;
            }
            PgConnection.cast(c).notificationHandler(n -> {
                if (CHANNEL.equals(n.getChannel())) {
                    wake.release();
                }
            });
            c.closeHandler(wake::release);
            await(c.query("listen " + CHANNEL).execute());
            await(c.preparedQuery(INIT_CHECKPOINT_SQL).execute(Tuple.of(settings.name())));
            Row cp = await(c.preparedQuery(READ_CHECKPOINT_SQL).execute(Tuple.of(settings.name()))).iterator().next();
            checkpointTx = cp.getString("tx_text");
            checkpointPosition = cp.getLong("position");
            lastPublishedPosition = checkpointPosition == 0 ? -1 : checkpointPosition;
            lockConnection = c;
            keep = true;
            active = true;
            LOG.infof("relay %s is active (checkpoint tx %s, position %d)", settings.name(), checkpointTx,
                    checkpointPosition);
            return true;
        } finally {
            if (!keep) {
                release(c);
            }
        }
    }

    private void releaseLock() {
        SqlConnection c = lockConnection;
        lockConnection = null;
        if (active) {
            LOG.infof("relay %s releases the lock", settings.name());
        }
        active = false;
        if (c != null) {
            release(c);
        }
    }

    /** Undoes LISTEN and the session lock (the connection goes back to the pool), then closes it. */
    private static void release(SqlConnection c) {
        try {
            c.query("unlisten *; select pg_advisory_unlock_all()").execute().await().atMost(CLEANUP_TIMEOUT);
        } catch (Throwable ignored) {
            // a broken connection holds no lock any more
        }
        try {
            c.close().await().atMost(CLEANUP_TIMEOUT);
        } catch (Throwable ignored) {
            // nothing more to do
        }
    }

    private void closeProducer(Duration timeout) {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(timeout);
            } catch (Throwable t) {
                LOG.debugf(t, "relay %s: closing the producer failed", settings.name());
            }
        }
    }

    /**
     * Publishes rounds until nothing publishable is left.
     *
     * @return true if committed events are waiting behind an older open transaction
     */
    private boolean drain() throws InterruptedException {
        while (running) {
            RowSet<Row> rows = await(lockConnection.preparedQuery(FETCH_SQL)
                    .execute(Tuple.of(checkpointTx, checkpointPosition, (long) settings.batchSize())));
            if (rows.size() > 0) {
                publish(rows);
            }
            if (rows.size() < settings.batchSize()) {
                Row lagRow = await(lockConnection.preparedQuery(LAG_SQL).execute(Tuple.of(checkpointTx, checkpointPosition)))
                        .iterator().next();
                long n = lagRow.getLong("n");
                java.time.OffsetDateTime oldest = lagRow.getOffsetDateTime("oldest");
                oldestUnpublishedAt = oldest == null ? null : oldest.toInstant();
                lag = n;
                heldBack = n > 0;
                return heldBack;
            }
        }
        return false;
    }

    private record Pending(long position, String txId, Future<RecordMetadata> ack) {
    }

    /** Sends the rows, waits for every acknowledgement, checkpoints the longest acknowledged prefix. */
    private void publish(RowSet<Row> rows) throws InterruptedException {
        List<Pending> sent = new ArrayList<>(rows.size());
        Throwable failure = null;
        for (Row r : rows) {
            try {
                sent.add(new Pending(r.getLong("position"), r.getString("tx_text"), producer.send(toRecord(r))));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        int acked = 0;
        for (Pending p : sent) { // wait for all, so nothing is still in flight when we retry
            try {
                p.ack().get();
                if (failure == null) {
                    acked++;
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (acked > 0) {
            Pending last = sent.get(acked - 1);
            await(lockConnection.preparedQuery(MOVE_CHECKPOINT_SQL)
                    .execute(Tuple.of(settings.name(), last.txId(), last.position())));
            checkpointTx = last.txId();
            checkpointPosition = last.position();
            lastPublishedPosition = last.position();
            publishedTotal += acked;
            lastProgressAt = Instant.now();
        }
        if (failure != null) {
            throw new PublishFailure(failure);
        }
    }

    private ProducerRecord<String, String> toRecord(Row r) {
        UUID caseId = r.getUUID("case_id");
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(HEADER_EVENT_ID, r.getUUID("event_id").toString()));
        headers.add(header(HEADER_EVENT_TYPE, r.getString("type")));
        headers.add(header(HEADER_SCHEMA_VERSION, Integer.toString(r.getInteger("schema_version"))));
        headers.add(header(HEADER_STREAM_ID, r.getUUID("stream_id").toString()));
        headers.add(header(HEADER_STREAM_VERSION, Integer.toString(r.getInteger("stream_version"))));
        String traceparent = r.getString("traceparent");
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            headers.add(header(HEADER_TRACEPARENT, traceparent));
        }
        return new ProducerRecord<>(settings.topic(), null, caseId.toString(), r.getString("payload"), headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(DB_TIMEOUT);
    }

    private static void sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    /** Kafka did not acknowledge (part of) a round; the checkpoint holds, the lock is kept. */
    static final class PublishFailure extends RuntimeException {
        PublishFailure(Throwable cause) {
            super("Kafka did not acknowledge: " + cause, cause);
        }
    }
}
