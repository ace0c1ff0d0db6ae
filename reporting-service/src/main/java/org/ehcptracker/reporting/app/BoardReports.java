package org.ehcptracker.reporting.app;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.domain.BoardMeasures;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardReport;
import org.ehcptracker.reporting.domain.BoardReport.RankTallies;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.persistence.CaseTimelineRow;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;
import org.ehcptracker.reporting.persistence.CouncilBoardHistory;
import org.ehcptracker.reporting.persistence.CouncilCaseHistory;
import org.ehcptracker.reporting.persistence.CouncilRankFigures;

/**
 * Every board measure for a council or all councils, for a business period, as known on a recording time: the
 * events recorded by then are read from case_timeline, folded per case ({@link CaseFile}) and measured
 * ({@link BoardReport}). docs/reporting.md, "Board measures". A council's report today reads that council's cases
 * only and its ranks from SQL ({@link CouncilRankFigures}); "all", and any report as known on a past recording
 * time, fold every council's timeline ("The board at national scale").
 */
@ApplicationScoped
public class BoardReports {

    /** The Children and Families Act 2014 Part 3 came into force: no EHC figure can be earlier. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2014, 9, 1);

    private static final Pattern LA_CODE = Pattern.compile("\\d{3}");

    private final CaseTimelineStore timeline;
    private final CouncilCaseHistory councilHistory;
    private final CouncilBoardHistory boardHistory;
    private final CouncilRankFigures rankFigures;
    private final Clock clock;

    public BoardReports(CaseTimelineStore timeline, CouncilCaseHistory councilHistory,
                        CouncilBoardHistory boardHistory, CouncilRankFigures rankFigures, Clock clock) {
        this.timeline = timeline;
        this.councilHistory = councilHistory;
        this.boardHistory = boardHistory;
        this.rankFigures = rankFigures;
        this.clock = clock;
    }

    /**
     * The report for {@code la} (three digits, or "all") over [from, to] with the backlogs as of {@code to}.
     *
     * @param knownOn only events recorded on or before this instant; null: everything recorded so far
     * @throws CommandRejected (400) naming the field: a bad code, from after to, a date before 2014-09-01 or after
     *         today, a recording time in the future
     */
    public Uni<BoardReport> of(String la, LocalDate from, LocalDate to, TrendStep step, Instant knownOn) {
        requireScope(la);
        LocalDate today = LocalDate.now(clock);
        if (from.isBefore(FIRST_DAY)) {
            throw CommandRejected.invalid("from", "from " + from + " is before " + FIRST_DAY + " (EHC plans began)");
        }
        if (to.isAfter(today)) {
            throw CommandRejected.invalid("to", "to " + to + " is in the future (today is " + today + ")");
        }
        if (from.isAfter(to)) {
            throw CommandRejected.invalid("from", "from " + from + " is after to " + to);
        }
        Instant now = clock.instant();
        if (knownOn != null && knownOn.isAfter(now)) {
            throw CommandRejected.invalid("knownOn", "knownOn " + knownOn + " is in the future");
        }
        if (BoardReport.ALL.equals(la) || knownOn != null) {
            // every council's measures, or the ranks as known on a past recording time, which case_progress (the
            // present only) cannot give: the fold of every timeline (docs/reporting.md, "The board at national scale")
            return Transactions.inSession(session -> timeline.recordedBy(knownOn))
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(rows -> BoardReport.of(la, from, to, step, knownOn,
                            CaseFile.fold(CaseTimelineStore.events(rows))));
        }
        // read in the session; the decoding, the fold and the measures (up to seconds of CPU for a large council)
        // off the event loop, which would otherwise hold every other request up meanwhile
        return boardHistory.of(la, null).flatMap(rows -> ranks(la, from, to).map(ranks -> new Read(rows, ranks)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> BoardReport.of(la, from, to, step, null, CaseFile.fold(CaseTimelineStore.events(read.rows)),
                        read.ranks));
    }

    private record Read(List<CaseTimelineRow> rows, BoardReport.Ranks ranks) {
    }

    /**
     * {@code la}'s ranks among every council, from SQL over case_progress plus the fold of the few cases whose row
     * cannot tell their council on the day a measure needs it ({@link CouncilRankFigures}).
     */
    Uni<BoardReport.Ranks> ranks(String la, LocalDate from, LocalDate to) {
        return rankValues(from, to).map(values -> values.rank(la));
    }

    /**
     * Every council's values on the ranked measures over [from, to] (the backlog on {@code to}): SQL over
     * case_progress, plus the fold of the cases transferred in after the day a measure needs their council.
     */
    public Uni<BoardReport.RankValues> rankValues(LocalDate from, LocalDate to) {
        return rankFigures.transferredAfter(from, to).flatMap(folded -> boardHistory.ofCases(folded.all())
                .flatMap(rows -> {
                    Map<UUID, CaseFile> byId = new HashMap<>();
                    CaseFile.fold(CaseTimelineStore.events(rows)).forEach(c -> byId.put(c.caseId(), c));
                    RankTallies tallies = BoardReport.tallies(from, to, pick(byId, folded.twentyWeeks()),
                            pick(byId, folded.decisions()), pick(byId, folded.backlog()));
                    return rankFigures.values(from, to, tallies);
                }));
    }

    private static List<CaseFile> pick(Map<UUID, CaseFile> cases, List<UUID> ids) {
        return ids.stream().map(cases::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The report for {@code la} as {@link #of(String, LocalDate, LocalDate, TrendStep, Instant)}, for an actor who
     * may read it ({@link #requireReader}): checked before anything is read.
     */
    public Uni<BoardReport> of(Actor actor, String la, LocalDate from, LocalDate to, TrendStep step, Instant knownOn) {
        requireReader(actor, la);
        return of(la, from, to, step, knownOn);
    }

    /**
     * Council scope of the figures (docs/reporting.md, "Who may call what"): a council's figures for those who act
     * for it; "all" (every council at once) only for a national actor, whose councils claim is {@code *}. The role
     * (board member or council staff) is checked by the resource.
     *
     * @throws CommandRejected (400, field la) for a code that is neither three digits nor "all", first
     * @throws AccessDenied    (403) for a council the actor does not act for, or "all" for a council's actor
     */
    public static void requireReader(Actor actor, String la) {
        requireScope(la);
        if (BoardReport.ALL.equals(la)) {
            if (!actor.actsForEveryCouncil()) {
                throw new AccessDenied("every council's figures ('all') are for national users only");
            }
        } else {
            actor.requireCouncil(la);
        }
    }

    /** @throws CommandRejected (400, field la) unless three digits or "all" */
    public static void requireScope(String la) {
        if (la == null || !(BoardReport.ALL.equals(la) || LA_CODE.matcher(la).matches())) {
            throw CommandRejected.invalid("la",
                    "'" + la + "' is neither a DfE local authority code (three digits, e.g. 839) nor 'all'");
        }
    }

    /**
     * The headline figures of {@code la} today: the 12 months ending today (plans within 20 weeks, decisions within
     * 6 weeks) and the backlogs today, from every event recorded so far. What the live stream pushes. A council's
     * headline has no ranks, so only its own cases are read (every event of each case its events name, as the
     * forecast reads them: a transfer in's earlier events included), not every council's.
     */
    public Uni<Headline> headline(String la) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusYears(1).plusDays(1);
        return Transactions.inSession(session -> BoardReport.ALL.equals(la) ? timeline.recordedBy(null)
                : councilHistory.of(la, null)).emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
            List<CaseFile> cases = CaseFile.fold(CaseTimelineStore.events(rows));
            return new Headline(la, from, today,
                    BoardMeasures.twentyWeeks(la, from, today, cases),
                    BoardMeasures.decisions(la, from, today, cases),
                    BoardMeasures.backlog(la, today, cases),
                    BoardMeasures.epBacklog(la, today, cases));
        });
    }

    /** A council's headline figures: the rolling 12 months [from, to] and the backlogs on {@code to}. */
    public record Headline(String localAuthorityCode, LocalDate from, LocalDate to,
                           BoardMeasures.TwentyWeekFigures twentyWeeks, BoardMeasures.Decisions decisionsToAssess,
                           BoardMeasures.Backlog backlog, BoardMeasures.EpBacklog epBacklog) {
    }
}
