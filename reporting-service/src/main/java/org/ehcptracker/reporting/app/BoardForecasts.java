package org.ehcptracker.reporting.app;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.forecast.ForecastAnswer;
import org.ehcptracker.reporting.forecast.ForecastQuestion;
import org.ehcptracker.reporting.forecast.PipelineCase;
import org.ehcptracker.reporting.persistence.CaseTimelineRow;
import org.ehcptracker.reporting.persistence.CouncilCaseHistory;

/**
 * A council's forecast and what-if (docs/forecast.md): its history read twice from case_timeline, as recorded now
 * and as recorded by the end of the backtest's cut ("as known on"), folded per case and handed to the forecast.
 */
@ApplicationScoped
public class BoardForecasts {

    private final CouncilCaseHistory history;
    private final Clock clock;

    public BoardForecasts(CouncilCaseHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** Today in the council's zone: the forecast's start. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The answer for council {@code la}, for an actor who acts for it; the question's start is today.
     *
     * @throws CommandRejected (400, field la) for a code that is not three digits ("all" has no forecast)
     * @throws AccessDenied    (403) for a council the actor does not act for
     */
    public Uni<ForecastAnswer> answer(Actor actor, String la, ForecastQuestion question) {
        BoardFigures.requireReader(actor, la);
        LocalDate cut = ForecastAnswer.backtestCut(question.start(), question.months());
        Instant knownOn = cut.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1000);
        // read in the session; the fit and the simulations (up to seconds of CPU) off the event loop
        return Transactions.inSession(session -> history.of(la, null)
                        .flatMap(now -> history.of(la, knownOn).map(then -> new Histories(now, then))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(h -> ForecastAnswer.of(question, cases(h.now, la), cases(h.then, la)));
    }

    private record Histories(List<CaseTimelineRow> now, List<CaseTimelineRow> then) {
    }

    /** The council's initial requests among the rows' cases (a case is the council's that is responsible now). */
    static List<PipelineCase> cases(List<CaseTimelineRow> rows, String la) {
        return CaseFile.fold(org.ehcptracker.reporting.persistence.CaseTimelineStore.events(rows)).stream()
                .filter(f -> la.equals(f.progress().localAuthorityCode()))
                .map(PipelineCase::of).filter(Objects::nonNull).toList();
    }
}
