package org.ehcptracker.reporting.sen2;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;
import org.ehcptracker.reporting.persistence.CouncilCaseHistory;

/**
 * A council's SEN2 modules for a census date (docs/sen2.md): the council's case history read from case_timeline
 * (every event of every case its events name, so a transferred-in case folds whole), folded per case and shaped by
 * {@link Sen2Return}. No personal data is read or answered.
 */
@ApplicationScoped
public class Sen2Returns {


    private final CouncilCaseHistory history;
    private final Clock clock;

    public Sen2Returns(CouncilCaseHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /**
     * @throws CommandRejected (400) for a code that is not three digits (field la) or a census date that is missing,
     *                         not a third Thursday of January, or in the future (field censusDate)
     * @throws AccessDenied    (403) for a council the actor does not act for
     */
    public Uni<Sen2Return> of(Actor actor, String la, String censusDate) {
        // the council first: another council's caller learns nothing from the date's checks
        if (la == null || !la.matches("\\d{3}")) {
            throw CommandRejected.invalid("la", "'" + la + "' is not a DfE local authority code (three digits, e.g. 839)");
        }
        actor.requireCouncil(la);
        CensusDate census = CensusDate.parse(censusDate, LocalDate.now(clock));
        return Transactions.inSession(session -> history.of(la, null))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> Sen2Return.of(la, census, CaseFile.fold(CaseTimelineStore.events(rows))));
    }

}
