package org.ehcptracker.advice.app;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** Plans and sends reminders every {@code ehcp.advice.reminders.interval}, as of the council's clock. */
@ApplicationScoped
public class ReminderTimer {

    private static final Logger LOG = Logger.getLogger(ReminderTimer.class);

    private final AtomicBoolean running = new AtomicBoolean();

    void start(@Observes StartupEvent started, Vertx vertx, ReminderOutbox outbox, ReminderConfig config, Clock clock) {
        if (!config.enabled()) {
            return;
        }
        vertx.setPeriodic(5_000, config.interval().toMillis(), id -> round(vertx, outbox, clock));
    }

    private void round(Vertx vertx, ReminderOutbox outbox, Clock clock) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        VertxContext.getOrCreateDuplicatedContext(vertx).runOnContext(ignored -> outbox
                .planAndSend(LocalDate.now(clock), clock.instant())
                .subscribe().with(sent -> {
                    running.set(false);
                    if (sent > 0) {
                        LOG.infof("reminders: %d sent", sent);
                    }
                }, failure -> {
                    running.set(false);
                    LOG.warn("reminder round failed; it runs again at the next interval", failure);
                }));
    }
}
