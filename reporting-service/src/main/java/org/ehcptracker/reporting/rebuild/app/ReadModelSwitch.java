package org.ehcptracker.reporting.rebuild.app;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.reporting.rebuild.messaging.ConsumerGroupPositions;
import org.ehcptracker.reporting.rebuild.messaging.PartitionPosition;
import org.ehcptracker.reporting.rebuild.persistence.ReadModelSchemas;
import org.jboss.logging.Logger;

/**
 * Reports a rebuild's progress and switches the live service to its tables (docs/reporting.md, "Rebuilding the
 * read models"). The switch is correct by locks and offsets alone: while the live tables are held in SHARE mode no
 * live projection can write, so every event they hold was on its topic before the topics' ends read then; once the
 * rebuild's committed offsets reach those ends, the rebuild holds every one of them too (a superset of the live
 * tables), and the tables are swapped in the same transaction. The live consumers are not paused or moved: their
 * waiting writes go to the rebuilt tables after the commit, and what the rebuild already applied is skipped by the
 * processed_event rows that moved with it.
 */
@ApplicationScoped
public class ReadModelSwitch {

    private static final Logger LOG = Logger.getLogger(ReadModelSwitch.class);
    private static final long POLL_MILLIS = 100;

    private final ReadModelSchemas schemas;
    private final ConsumerGroupPositions positions;
    private final ReadModelRebuildConfig config;
    private final AtomicBoolean switching = new AtomicBoolean();

    public ReadModelSwitch(ReadModelSchemas schemas, ConsumerGroupPositions positions, ReadModelRebuildConfig config) {
        this.schemas = schemas;
        this.positions = positions;
        this.config = config;
    }

    public Uni<RebuildProgress> progress(String name) {
        RebuildSchema rebuild = RebuildSchema.parse(name);
        return requireSchema(rebuild).chain(() -> offsets(rebuild)).map(p -> progress(rebuild, p));
    }

    public Uni<ReadModelsSwitched> switchTo(String name) {
        RebuildSchema rebuild = RebuildSchema.parse(name);
        if (!"public".equals(config.schema())) {
            throw CommandRejected.conflict("this process is itself a rebuild (" + config.schema()
                    + "): ask the live reporting-service to switch");
        }
        if (!switching.compareAndSet(false, true)) {
            throw CommandRejected.conflict("a switch of the read models is already running");
        }
        long started = System.nanoTime();
        AtomicLong replayed = new AtomicLong();
        return requireSchema(rebuild)
                .chain(() -> schemas.readModelTables(rebuild.name()))
                .chain(tables -> sameShape(rebuild, tables).replaceWith(tables))
                .call(tables -> offsets(rebuild).invoke(p -> {
                    RebuildProgress progress = progress(rebuild, p);
                    if (!progress.caughtUp()) {
                        throw CommandRejected.conflict(rebuild.name() + " has not caught up: " + progress.lag()
                                + " records behind the topics (a switch waits for at most " + config.switchMaxLag() + ")");
                    }
                }))
                .chain(tables -> schemas.swap(rebuild.name(), rebuild.retired(), tables, config.switchLockTimeout(),
                                () -> awaitCatchUp(rebuild).invoke(replayed::set))
                        .onFailure(PgException.class).transform(ReadModelSwitch::busy)
                        .map(done -> {
                            if (!done) {
                                throw CommandRejected.conflict("a switch of the read models is already running");
                            }
                            return new ReadModelsSwitched(rebuild.name(), rebuild.retired(), tables, replayed.get(),
                                    (System.nanoTime() - started) / 1_000_000);
                        }))
                .call(switched -> dropQuietly(rebuild.retired()).chain(() -> dropQuietly(rebuild.name())))
                .invoke(s -> LOG.infof("read models switched to %s (%s); the live ones were retired to %s and dropped;"
                        + " %d records replayed; %d ms", s.schema(), s.tables(), s.retired(), s.recordsReplayed(),
                        s.heldMillis()))
                .eventually(() -> switching.set(false));
    }

    private Uni<Void> requireSchema(RebuildSchema rebuild) {
        return schemas.exists(rebuild.name()).invoke(exists -> {
            if (!exists) {
                throw CommandRejected.notFound("no schema " + rebuild.name() + ": start the rebuild first"
                        + " (./ehcp rebuild reporting)");
            }
        }).replaceWithVoid();
    }

    /** The rebuild's tables must be the live ones, column for column: built by this version's migrations. */
    private Uni<Void> sameShape(RebuildSchema rebuild, List<String> tables) {
        if (tables.isEmpty()) {
            throw CommandRejected.conflict(rebuild.name() + " has no read-model tables yet (its process has not"
                    + " migrated it)");
        }
        return schemas.shape(rebuild.name(), tables).chain(rebuilt -> schemas.shape("public", tables).invoke(live -> {
            if (!live.equals(rebuilt)) {
                throw CommandRejected.conflict(rebuild.name() + "'s tables are not the live ones (built by another"
                        + " version?): " + rebuilt.size() + " columns against " + live.size());
            }
        })).replaceWithVoid();
    }

    /**
     * Runs while the live tables are held: reads the topics' ends once, then waits until the rebuild's groups
     * have committed up to them. Gives the records the rebuild has committed; fails (rolling the switch back) after
     * the configured time.
     */
    private Uni<Long> awaitCatchUp(RebuildSchema rebuild) {
        return Uni.createFrom().item(() -> {
            List<PartitionPosition> first = positions.positions(rebuild::consumerGroup);
            Map<String, Long> ends = new LinkedHashMap<>();
            first.forEach(p -> ends.put(p.topic() + "-" + p.partition(), p.end()));
            long deadline = System.nanoTime() + config.switchCatchUpTimeout().toNanos();
            List<PartitionPosition> now = first;
            while (true) {
                long behind = 0;
                for (PartitionPosition p : now) {
                    behind += Math.max(0, ends.getOrDefault(p.topic() + "-" + p.partition(), 0L) - p.committed());
                }
                if (behind == 0) {
                    return now.stream().mapToLong(PartitionPosition::committed).sum();
                }
                if (System.nanoTime() > deadline) {
                    throw CommandRejected.conflict(rebuild.name() + " did not reach the topics' ends within "
                            + config.switchCatchUpTimeout().toSeconds() + " s (" + behind
                            + " records behind); nothing was switched");
                }
                sleep();
                now = positions.positions(rebuild::consumerGroup);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<List<PartitionPosition>> offsets(RebuildSchema rebuild) {
        return Uni.createFrom().item(() -> positions.positions(rebuild::consumerGroup))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private RebuildProgress progress(RebuildSchema rebuild, List<PartitionPosition> partitions) {
        Map<String, Long> lagByTopic = new LinkedHashMap<>();
        long committed = 0;
        long ends = 0;
        for (PartitionPosition p : partitions) {
            lagByTopic.merge(p.topic(), p.lag(), Long::sum);
            committed += Math.min(p.committed(), p.end());
            ends += p.end();
        }
        long lag = ends - committed;
        return new RebuildProgress(rebuild.name(), committed, ends, lag, lag <= config.switchMaxLag(), lagByTopic);
    }

    /** A lock not granted in time, or a deadlock with a live projection: nothing changed, try again. */
    private static Throwable busy(Throwable failure) {
        PgException pg = (PgException) failure;
        if ("55P03".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState())) {
            return CommandRejected.conflict("the read models were too busy to switch (" + pg.getErrorMessage()
                    + "); nothing was switched: try again");
        }
        return failure;
    }

    private Uni<Void> dropQuietly(String schema) {
        return schemas.drop(schema).onFailure().recoverWithUni(e -> {
            LOG.warnf("could not drop schema %s after the switch (drop it by hand): %s", schema, e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild", e);
        }
    }
}
