package org.ehcptracker.kit.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * The one Idempotency-Key mechanism of every create (a POST that makes a new record), so that a retried request never
 * makes a second record (docs/decisions.md, "one Idempotency-Key mechanism"). The resource hands the key, the actor,
 * the bound body and the create itself to {@link #once}:
 * <ul>
 *   <li>no key: the create runs as it always did (a key is optional);</li>
 *   <li>a key seen before from the same caller, for the same method, path and body: the first answer (status,
 *       Location, body) is replayed, with {@code Idempotent-Replayed: true}, and nothing runs;</li>
 *   <li>the same key for a different request: 422 naming {@code Idempotency-Key};</li>
 *   <li>a new key: the create runs, and its answer is stored in the create's own transaction, after its events
 *       (the append stays the transaction's first write), so the key is recorded exactly when the events are.</li>
 * </ul>
 * Two requests with one key at once: both may run; the second either loses the append race (the same stream) or
 * finds the key taken when it records it (a stream of its own), so its transaction, events included, rolls back,
 * and it then finds the first one's key and replays its answer. Only successful answers are stored: a refused
 * create keeps no key, so a corrected retry with the same key may succeed.
 */
@ApplicationScoped
public class IdempotentCreates {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The answer's header: whether it is the stored first answer to an earlier try. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** A key: 1-255 printable ASCII characters without spaces (a UUID fits). */
    public static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The header's OpenAPI description, the same on every create. */
    public static final String DESCRIPTION = "Optional; makes a retry safe. 1-255 printable ASCII characters without"
            + " spaces (e.g. a UUID), new for each record you mean to create, kept 24 hours (ehcp.idempotency.retention)."
            + " A retry with the same key, method, path and body gets the first answer again (status, Location, body;"
            + " header Idempotent-Replayed: true) and creates nothing; the same key with a different request is 422;"
            + " a malformed key is 400. Keys are per caller: another caller's identical key is a different key.";
    /** An example key. */
    public static final String EXAMPLE = "5b0f3c8e-2f7a-4d1e-9a51-3f0c2a7e9d10";

    private static final Logger LOG = Logger.getLogger(IdempotentCreates.class);

    static final String FIND_SQL = """
            select request_digest, status::text, location, answer from request_idempotency
             where scope = ?1 and idempotency_key = ?2 and recorded_at > now() - cast(cast(?3 as text) as interval)""";

    /** A live row for the key (a concurrent twin committed first) makes this return no row: the caller fails. */
    static final String RECORD_SQL = """
            insert into request_idempotency (scope, idempotency_key, request_digest, status, location, answer, recorded_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, now())
            on conflict (scope, idempotency_key) do update
               set request_digest = excluded.request_digest, status = excluded.status, location = excluded.location,
                   answer = excluded.answer, recorded_at = excluded.recorded_at
             where request_idempotency.recorded_at <= now() - cast(cast(?7 as text) as interval)
            returning 1""";

    static final String PURGE_SQL = "delete from request_idempotency where recorded_at <= now() - cast(cast($1 as text) as interval)";

    private final ObjectMapper mapper;
    private final Instance<RoutingContext> request;
    private final IdempotencyConfig config;
    private final Instance<Pool> pool;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private long purgeTimer = -1;

    public IdempotentCreates(ObjectMapper mapper, Instance<RoutingContext> request, IdempotencyConfig config,
                             Instance<Pool> pool, Vertx vertx, MeterRegistry meters) {
        this.meters = meters;
        this.mapper = mapper;
        this.request = request;
        this.config = config;
        this.pool = pool;
        this.vertx = vertx;
    }

    /**
     * Runs {@code create} once for {@code key}; see the class comment.
     *
     * @param header the Idempotency-Key header, or null
     * @param actor  the caller: a key is theirs alone (with the councils and agency they act for)
     * @param body   the bound request body, part of what makes two requests "the same"
     * @param create the create, answering with a JSON entity (and a Location for a 201)
     */
    public Uni<Response> once(String header, Actor actor, Object body, Supplier<Uni<Response>> create) {
        // Quarkus REST binds an empty header as no header: an empty key is malformed, not absent
        String key = header == null && sentEmpty() ? "" : header;
        if (key == null) {
            return Uni.createFrom().deferred(() -> create.get());
        }
        if (!KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(CommandRejected.invalid(HEADER, "Idempotency-Key must be 1-255 printable"
                    + " ASCII characters without spaces (e.g. a UUID), new for each record you create"));
        }
        String scope = scope(actor);
        String digest = digest(body);
        String retention = config.retention().toSeconds() + " seconds";
        Uni<Response> attempt = Transactions.inTransaction(session -> find(session, scope, key, retention).chain(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(replay(found.get(), digest, key));
            }
            return Uni.createFrom().deferred(() -> create.get()).chain(answer -> {
                Answer first = answer(answer, digest);
                return record(session, scope, key, retention, first).replaceWith(first.toResponse(false));
            });
        })).invoke(answer -> {
            if ("false".equals(answer.getHeaderString(REPLAYED))) {
                count("recorded"); // committed
            }
        });
        // a failure may be a concurrent twin's win (see the class comment): look for its key; the refusal of this
        // very key (another request) is final
        return attempt.onFailure(failure -> !(failure instanceof CommandRejected refused && HEADER.equals(refused.field())))
                .recoverWithUni(failure -> Transactions.inSession(session -> find(session, scope, key, retention))
                .map(found -> {
                    if (found.isPresent()) {
                        return replay(found.get(), digest, key);
                    }
                    throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                }));
    }

    private static Uni<Optional<Answer>> find(Mutiny.Session session, String scope, String key, String retention) {
        return session.createNativeQuery(FIND_SQL)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, retention)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(row -> {
                    Object[] c = (Object[]) row;
                    return new Answer(c[0].toString(), Integer.parseInt(c[1].toString()), c[2].toString(), c[3].toString());
                }));
    }

    private static Uni<Void> record(Mutiny.Session session, String scope, String key, String retention, Answer first) {
        return session.createNativeQuery(RECORD_SQL)
                .setParameter(1, scope).setParameter(2, key).setParameter(3, first.digest())
                .setParameter(4, first.status()).setParameter(5, first.location())
                .setParameter(6, first.json()).setParameter(7, retention)
                .getResultList()
                .invoke(rows -> {
                    if (rows.isEmpty()) {
                        // a concurrent request with this key recorded its answer first: roll this one back, replay that
                        throw new KeyTaken();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * {@code ehcp.idempotency} by outcome: recorded (a create that stored its key), replayed (a retry answered from
     * the key), refused (the key used for another request). Many replays: clients retry, usually after timeouts.
     */
    private void count(String outcome) {
        meters.counter("ehcp.idempotency", "outcome", outcome).increment();
    }

    private Response replay(Answer first, String digest, String key) {
        if (!first.digest().equals(digest)) {
            count("refused");
            throw CommandRejected.unprocessable(HEADER, "Idempotency-Key " + key + " was already used by you for a"
                    + " different request: use a new key for a new record");
        }
        count("replayed");
        return first.toResponse(true);
    }

    private Answer answer(Response response, String digest) {
        Object entity = response.getEntity();
        String json;
        try {
            json = entity instanceof String text ? text : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer cannot be written as JSON", e);
        }
        URI location = response.getLocation();
        return new Answer(digest, response.getStatus(), location == null ? "" : location.toString(), json);
    }

    private boolean sentEmpty() {
        return request.isResolvable() && request.get().request().headers().contains(HEADER);
    }

    /** The caller, with the reach they acted with: a key never replays to anyone else. */
    static String scope(Actor actor) {
        return actor + " councils=" + String.join(",", new TreeSet<>(actor.councils()))
                + (actor.agency() == null ? "" : " agency=" + actor.agency());
    }

    private String digest(Object body) {
        String target = "";
        if (request.isResolvable()) {
            RoutingContext http = request.get();
            target = http.request().method() + " " + http.request().path();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((target + "\n" + mapper.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the body cannot be written as JSON", e);
        }
    }

    /** Deletes keys past their retention, every {@code ehcp.idempotency.purge-interval}. */
    void startPurge(@Observes StartupEvent started) {
        if (!pool.isResolvable()) {
            return;
        }
        purgeTimer = vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge().subscribe().with(
                deleted -> LOG.debugf("deleted %d Idempotency-Keys past their retention", deleted),
                failure -> LOG.warnf("could not delete expired Idempotency-Keys (retried in %s): %s",
                        config.purgeInterval(), failure.toString())));
    }

    void stopPurge(@Observes ShutdownEvent stopping) {
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
    }

    /** Deletes the keys past their retention now; the number deleted. */
    public Uni<Integer> purge() {
        return pool.get().preparedQuery(PURGE_SQL).execute(Tuple.of(config.retention().toSeconds() + " seconds"))
                .map(rows -> rows.rowCount());
    }

    /** A stored first answer. */
    private record Answer(String digest, int status, String location, String json) {
        Response toResponse(boolean replayed) {
            Response.ResponseBuilder builder = Response.status(status).entity(json).type(MediaType.APPLICATION_JSON)
                    .header(REPLAYED, Boolean.toString(replayed));
            if (!location.isEmpty()) {
                builder.location(URI.create(location));
            }
            return builder.build();
        }
    }

    /** A concurrent request with the same key recorded its answer first. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("a concurrent request with this Idempotency-Key recorded its answer first", null, false, false);
        }
    }
}
