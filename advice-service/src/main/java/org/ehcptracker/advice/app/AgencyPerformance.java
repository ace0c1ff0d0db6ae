package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.persistence.AgencyPerformanceQuery;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.persistence.Transactions;

/** Agency performance (issue 8 item 9): see {@link AgencyPerformanceQuery} for what each figure counts. */
@ApplicationScoped
public class AgencyPerformance {

    private final Clock clock;

    public AgencyPerformance(Clock clock) {
        this.clock = clock;
    }

    /**
     * The council's figures, or one agency's. An agency user gets its own agency's lines only (403 naming
     * {@code agencyId} for another's); everyone else must act for the council (403).
     */
    public Uni<Figures> of(Actor actor, String council, String agencyId) {
        String agency = agencyId;
        if (AdviceRequestReach.agencyUser(actor)) {
            agency = agencyId == null ? actor.agency() : agencyId;
            AgencyInbox.requireOwnInbox(actor, agency);
        } else {
            actor.requireCouncil(council);
        }
        String onlyAgency = agency;
        LocalDate today = LocalDate.now(clock);
        return Transactions.inSession(session -> AgencyPerformanceQuery.of(session, council, onlyAgency, today))
                .map(lines -> new Figures(council, today, lines.stream().map(Line::of).toList()));
    }

    /** The figures as of a day. */
    public record Figures(String localAuthorityCode, LocalDate asOf, List<Line> lines) {
    }

    /**
     * One agency and advice type.
     *
     * @param averageDays days from request to the final submission, to one decimal; null when nothing submitted
     */
    public record Line(String agencyId, String adviceType, long requests, long returnedWithinSixWeeks, long submitted,
                       Double averageDays, long openNow, long overdueNow, long withException) {

        static Line of(AgencyPerformanceQuery.Line l) {
            return new Line(l.agencyId(), l.adviceType(), l.requests(), l.returnedWithinSixWeeks(), l.submitted(),
                    l.averageDays() == null ? null : l.averageDays().setScale(1, RoundingMode.HALF_UP).doubleValue(),
                    l.openNow(), l.overdueNow(), l.withException());
        }
    }
}
