package org.ehcptracker.plan.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.plan.domain.ReviewView;
import org.ehcptracker.plan.domain.WorklistLine;
import org.ehcptracker.plan.persistence.AnnualReviewEntity;
import org.ehcptracker.plan.persistence.PlanWorklistQueries;

/**
 * The caseworkers' lists of a council (docs/plan-service.md, "Worklists"). Parameters arrive as text and are
 * checked here, so a bad one is a 400 naming it.
 */
@ApplicationScoped
public class PlanWorklists {

    /** The lists, as named in the path. */
    public enum Kind {
        DRAFTS_AWAITING_FAMILY, CONSULTATIONS_OVERDUE, REVIEWS_DUE, REVIEW_DECISIONS_OVERDUE, AMENDMENTS_OVERDUE;

        public String path() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One page. */
    public record Page(Kind list, String localAuthorityCode, LocalDate today, int page, int size, long total,
                       List<WorklistLine> lines) {
    }

    private final Clock clock;

    public PlanWorklists(Clock clock) {
        this.clock = clock;
    }

    /** One page of a list of {@code la}; 403 for an actor who does not act for that council. */
    public Uni<Page> list(Actor actor, String list, String la, String weeks, String page, String size) {
        Kind kind = kind(list);
        String council = requireLa(la);
        CouncilScope.require(actor, council);
        int w = number(weeks, "weeks", 8, 0, 104);
        int p = number(page, "page", 0, 0, 100_000);
        int s = number(size, "size", 50, 1, 200);
        LocalDate today = LocalDate.now(clock);
        return Transactions.inSession(session -> switch (kind) {
            case DRAFTS_AWAITING_FAMILY -> PlanWorklistQueries.draftsAwaitingFamily(council, today, p, s);
            case CONSULTATIONS_OVERDUE -> PlanWorklistQueries.consultationsOverdue(council, today, p, s);
            // overdue reviews are included: the list is "due by today + N weeks"
            case REVIEWS_DUE -> PlanWorklistQueries.reviewsDue(council, LocalDate.of(2014, 9, 1), today.plusWeeks(w),
                    today, p, s);
            case REVIEW_DECISIONS_OVERDUE -> PlanWorklistQueries.reviewDecisionsOverdue(council, today, p, s);
            case AMENDMENTS_OVERDUE -> PlanWorklistQueries.amendmentsOverdue(council, today, p, s);
        }).map(found -> new Page(kind, council, today, p, s, found.total(), found.lines()));
    }

    /**
     * A council's phase transfers of one year (by the year of their deadline): the counts of all of them and one
     * page of lines.
     */
    public record PhaseTransfers(String localAuthorityCode, int year, LocalDate today, long due, long done, long late,
                                 int page, int size, long total, List<ReviewView> transfers) {
    }

    /**
     * Reg 18 per council and year: the reviews preparing a move whose deadline falls in {@code year}, counted and one
     * page of them; 403 for an actor who does not act for that council. The lines (a child's case, review and next
     * setting) are for caseworkers; a board member gets the counts with no lines (figures, no case data).
     */
    public Uni<PhaseTransfers> phaseTransfers(Actor actor, String la, String year, String page, String size) {
        String council = requireLa(la);
        CouncilScope.require(actor, council);
        boolean lines = actor.hasRole(Role.CASEWORKER);
        int y = number(year, "year", -1, 2015, 2100);
        if (y < 0) {
            throw CommandRejected.invalid("year", "year is required: the calendar year of the moves, e.g. 2027");
        }
        int p = number(page, "page", 0, 0, 100_000);
        int s = number(size, "size", 50, 1, 200);
        LocalDate today = LocalDate.now(clock);
        return Transactions.inSession(session -> PlanWorklistQueries.phaseTransferCounts(council, y, today)
                .chain(counts -> (lines ? PlanWorklistQueries.phaseTransfers(council, y, p, s)
                        : Uni.createFrom().item(List.<AnnualReviewEntity>of()))
                        .map(rows -> new PhaseTransfers(council, y, today, counts.due(), counts.done(), counts.late(),
                                p, s, counts.due() + counts.done() + counts.late(),
                                rows.stream().map(r -> ReviewRows.view(r, today)).toList()))));
    }

    private static Kind kind(String list) {
        for (Kind k : Kind.values()) {
            if (k.path().equals(list)) {
                return k;
            }
        }
        throw CommandRejected.notFound("no list " + list + "; the lists are " + java.util.Arrays.stream(Kind.values())
                .map(Kind::path).toList());
    }

    private static String requireLa(String la) {
        if (la == null || !la.matches("\\d{3}")) {
            throw CommandRejected.invalid("la", "la is required: the council's three-digit DfE code, e.g. 839");
        }
        return la;
    }

    private static int number(String value, String field, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CommandRejected.invalid(field, field + " must be a whole number from " + min + " to " + max);
    }
}
