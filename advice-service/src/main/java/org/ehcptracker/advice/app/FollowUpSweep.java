package org.ehcptracker.advice.app;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs {@link AdviceFollowUps#sweep()} at start-up and then every {@code ehcp.advice.follow-up.sweep-interval},
 * so that a follow-up lost to a crash between the consumer's commit and the follow-up is done later. Two
 * instances may sweep at once: the commands are idempotent, and a race ends in one conflict that is logged.
 */
@ApplicationScoped
public class FollowUpSweep {

    private static final Logger LOG = Logger.getLogger(FollowUpSweep.class);

    private final AtomicBoolean running = new AtomicBoolean();

    void start(@Observes StartupEvent started, Vertx vertx, AdviceFollowUps followUps, FollowUpConfig config) {
        vertx.setTimer(1_000, id -> sweep(vertx, followUps));
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep(vertx, followUps));
    }

    private void sweep(Vertx vertx, AdviceFollowUps followUps) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive needs a duplicated context of its own
        VertxContext.getOrCreateDuplicatedContext(vertx).runOnContext(ignored -> followUps.sweep()
                .subscribe().with(
                        done -> {
                            running.set(false);
                            if (done > 0) {
                                LOG.infof("follow-up sweep: %d case(s) followed up", done);
                            }
                        },
                        failure -> {
                            running.set(false);
                            LOG.warn("follow-up sweep failed; it runs again at the next interval", failure);
                        }));
    }
}
