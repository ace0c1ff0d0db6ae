package org.ehcptracker.reporting.app;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;

/**
 * The live figures: every projected event ticks its council (and, for a transfer, the sending council); a
 * subscriber of a council gets its headline figures at once and again after each tick that changed them.
 */
@ApplicationScoped
public class BoardChanges {

    private final BroadcastProcessor<String> projected = BroadcastProcessor.create();
    private final BoardReports reports;
    private final Vertx vertx;

    public BoardChanges(BoardReports reports, Vertx vertx) {
        this.reports = reports;
        this.vertx = vertx;
    }

    /** Called once the event is committed to the read models; synchronized because the three channels call it and a processor takes one signal at a time. */
    public synchronized void projected(IntegrationEvent event) {
        projected.onNext(event.localAuthorityCode());
        if (event instanceof ResponsibilityTransferredIn t) {
            projected.onNext(t.fromLocalAuthorityCode());
        }
    }

    /**
     * The council's headline now, then after every change. Ticks that come while figures are being computed are
     * merged into one (only the latest is kept), so a burst of events costs one computation, not one each; an
     * unchanged headline is not sent again.
     */
    public Multi<BoardReports.Headline> headlines(String la) {
        return whenChanged(la, () -> reports.headline(la));
    }

    /**
     * What {@code compute} gives now, then again after each tick of {@code la} (or of any council for
     * {@link org.ehcptracker.reporting.domain.BoardReport#ALL}) when it differs from the last one sent: the headline
     * stream above, and the dashboard page's live tiles (pages.BoardPage), share this.
     */
    public <T> Multi<T> whenChanged(String la, java.util.function.Supplier<Uni<T>> compute) {
        java.util.function.Predicate<String> ofScope =
                org.ehcptracker.reporting.domain.BoardReport.ALL.equals(la) ? any -> true : la::equals;
        Multi<String> ticks = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(la),
                projected.filter(ofScope).onOverflow().dropPreviousItems());
        return ticks.onItem().transformToUniAndConcatenate(tick -> onNewContext(compute))
                .skip().repetitions();
    }

    /** Hibernate Reactive needs a Vert.x context of its own for each piece of work; a tick comes on the consumer's. */
    private <T> Uni<T> onNewContext(java.util.function.Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
