package org.ehcptracker.reporting.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.reporting.domain.BacklogView;
import org.ehcptracker.reporting.domain.TimelinessFigures;
import org.ehcptracker.reporting.persistence.CaseProgressStore;

/**
 * The board's figures for a local authority: 20-week timeliness of the plans issued in a period and
 * the backlog on its last day, both by the domain's rules (TimelinessFigures, BacklogView) summed in SQL over the
 * LA's case_progress rows (persistence.CaseProgressStore).
 */
@ApplicationScoped
public class BoardFigures {

    private static final Pattern LA_CODE = Pattern.compile("\\d{3}");

    /** The two measures for one LA and period. */
    public record Figures(TimelinessFigures timeliness, BacklogView backlog) {
    }

    private final CaseProgressStore cases;

    public BoardFigures(CaseProgressStore cases) {
        this.cases = cases;
    }

    /**
     * A council's figures for those who act for it (a national actor, {@code *}, for any); there is no "all" here.
     *
     * @throws CommandRejected (400, field la) for a code that is not three digits, first
     * @throws AccessDenied    (403) for a council the actor does not act for
     */
    public static void requireReader(Actor actor, String localAuthorityCode) {
        if (localAuthorityCode == null || !LA_CODE.matcher(localAuthorityCode).matches()) {
            throw CommandRejected.invalid("la",
                    "'" + localAuthorityCode + "' is not a DfE local authority code (three digits, e.g. 839)");
        }
        actor.requireCouncil(localAuthorityCode);
    }

    /**
     * Plans issued in [from, to] (both inclusive) and the backlog as of {@code to}.
     *
     * @throws CommandRejected (400) for a code that is not three digits, or from after to
     * @throws AccessDenied    (403) for a council the actor does not act for
     */
    public Uni<Figures> of(Actor actor, String localAuthorityCode, LocalDate from, LocalDate to) {
        requireReader(actor, localAuthorityCode);
        if (from.isAfter(to)) {
            throw CommandRejected.invalid("from", "from " + from + " is after to " + to);
        }
        // summed in PostgreSQL (the same rules as TimelinessFigures.compute and BacklogView.of, which are its
        // oracle in CouncilFiguresSqlTest): the council's rows are never loaded into Java
        return Uni.combine().all().unis(cases.timeliness(localAuthorityCode, from, to),
                cases.backlog(localAuthorityCode, to)).asTuple().map(t -> new Figures(t.getItem1(), t.getItem2()));
    }
}
