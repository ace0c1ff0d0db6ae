package org.ehcptracker.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * Every measure the board watches, computed from folded cases ({@link CaseFile}) for one council or for all
 * ({@code localAuthorityCode} null). Pure functions over the cases: the same cases give the same figures, whatever
 * order their events arrived in. The 20-week, decision, no-plan, backlog and time-lost measures count initial
 * requests only ({@link CaseFile#initialRequest}): a re-assessment (Reg 27) has its own 14-week limit. Definitions and hand-worked cases: docs/reporting.md, "Board measures".
 */
public final class BoardMeasures {

    static final int DAYS_6_WEEKS = 6 * 7;
    static final int DAYS_16_WEEKS = 16 * 7;

    private BoardMeasures() {
    }

    // ---- results --------------------------------------------------------------------------------

    /** The 20-week measure for one set of plans. Percent and weeks half-up to one decimal, null with no plan. */
    public record TwentyWeeks(int plansIssued, int issuedWithin20Weeks, BigDecimal percentWithin20Weeks,
                              BigDecimal averageWeeksToIssue, BigDecimal medianWeeksToIssue) {
    }

    /** The 20-week measure including exception cases, and excluding them (the DfE headline). */
    public record TwentyWeekFigures(TwentyWeeks includingExceptions, TwentyWeeks excludingExceptions) {
    }

    /** Decisions whether to assess made in a period, and how many on or before day 42. */
    public record Decisions(int decided, int within6Weeks, BigDecimal percentWithin6Weeks) {
    }

    /** Decisions not to issue a plan made in a period, and how many on or before day 112. */
    public record NoPlanDecisions(int decided, int within16Weeks, BigDecimal percentWithin16Weeks) {
    }

    /** The backlog on a date. */
    public record Backlog(LocalDate asOf, int open, int past20Weeks, int past30Weeks, int past52Weeks,
                          BigDecimal averageWeeksOpen, BigDecimal medianWeeksOpen) {
    }

    /** One month: its plans, the rolling 12 months ending with it, its decisions, its re-assessments' plans. */
    public record Month(YearMonth month, TwentyWeekFigures plans, TwentyWeekFigures rolling12Months,
                        Decisions decisions, NoPlanDecisions noPlanDecisions, ReassessmentFigures reassessments) {
    }

    /** Final plans after a re-assessment (Reg 27) and how many on or before day 98; as {@link TwentyWeeks}. */
    public record FourteenWeeks(int plansIssued, int issuedWithin14Weeks, BigDecimal percentWithin14Weeks,
                                BigDecimal averageWeeksToIssue, BigDecimal medianWeeksToIssue) {
    }

    /** The re-assessment measure including cases with a 14-week exception, and excluding them. */
    public record ReassessmentFigures(FourteenWeeks includingExceptions, FourteenWeeks excludingExceptions) {
    }

    /**
     * Advice returned in a period for one agency or one advice type, and the existing advice of that agency or type
     * reused instead of a new request (Reg 6(4), {@code ExistingAdviceReused}) recorded in the period. A reuse is not
     * a request: it is in none of {@code returned}, {@code within6Weeks} or the days (no 6-week limit runs). A key
     * with reuses only has {@code returned} 0 and null percent and days.
     */
    public record AdviceFigures(String key, int returned, int within6Weeks, BigDecimal percentWithin6Weeks,
                                BigDecimal averageDays, int reused) {
    }

    /** Educational psychology requests owed on a date, and those past their 6 weeks. */
    public record EpBacklog(LocalDate asOf, int open, int overdue) {
    }

    /** Disputes registered in a period, by stage and kind. */
    public record DisputeCount(DisputeStage stage, DisputeKind kind, int registered) {
    }

    // ---- the 20-week measure -----------------------------------------------------------------------

    /**
     * Plans issued in [from, to] by the council responsible on the issue day, leaving out assessments that went
     * to mediation or tribunal ({@link CaseProgress#excludedFromTimeliness}); within 20 weeks = day 140 or earlier
     * from the clock start FinalPlanIssued carries.
     */
    public static TwentyWeekFigures twentyWeeks(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        List<CaseProgress> counted = cases.stream()
                .filter(CaseFile::initialRequest)
                .filter(c -> c.progress().finalPlanIssuedDate() != null)
                .filter(c -> in(c.progress().finalPlanIssuedDate(), from, to))
                .filter(c -> la == null || la.equals(c.responsibleOn(c.progress().finalPlanIssuedDate())))
                .map(CaseFile::progress)
                .filter(p -> !p.excludedFromTimeliness())
                .toList();
        return new TwentyWeekFigures(measure(counted),
                measure(counted.stream().filter(p -> !p.has20WeekException()).toList()));
    }

    private static TwentyWeeks measure(List<CaseProgress> plans) {
        List<Long> days = plans.stream().map(p -> (long) p.daysToIssue()).toList();
        int within = (int) plans.stream().filter(CaseProgress::within20Weeks).count();
        return new TwentyWeeks(plans.size(), within, percent(within, plans.size()), averageWeeks(days),
                medianWeeks(days));
    }

    // ---- re-assessments ----------------------------------------------------------------------------------

    /** Reg 27: the final plan after a re-assessment is due 14 weeks (98 days) from the clock start. */
    static final int DAYS_14_WEEKS = 14 * 7;

    /**
     * Final plans after a re-assessment (Reg 27; the DfE 20-week measure counts initial requests only), by the
     * 20-week measure's rules with the 14-week limit: issued in [from, to], counted for the council responsible on
     * the issue day, a mediation or tribunal about a refusal registered by the issue left out, within = day 98 or
     * earlier from the clock start FinalPlanIssued carries; excluding exceptions leaves out a case with an exception
     * to the 14-week limit not withdrawn. docs/reporting.md, "Re-assessments".
     */
    public static ReassessmentFigures reassessments(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        List<CaseFile> counted = cases.stream()
                .filter(c -> !c.initialRequest())
                .filter(c -> c.progress().finalPlanIssuedDate() != null)
                .filter(c -> in(c.progress().finalPlanIssuedDate(), from, to))
                .filter(c -> la == null || la.equals(c.responsibleOn(c.progress().finalPlanIssuedDate())))
                .filter(c -> !c.progress().excludedFromTimeliness())
                .toList();
        return new ReassessmentFigures(fourteenWeeks(counted),
                fourteenWeeks(counted.stream().filter(c -> !c.has14WeekException()).toList()));
    }

    private static FourteenWeeks fourteenWeeks(List<CaseFile> plans) {
        List<Long> days = plans.stream().map(c -> (long) c.progress().daysToIssue()).toList();
        int within = (int) days.stream().filter(d -> d <= DAYS_14_WEEKS).count();
        return new FourteenWeeks(plans.size(), within, percent(within, plans.size()), averageWeeks(days),
                medianWeeks(days));
    }

    // ---- backlog ------------------------------------------------------------------------------------------

    /**
     * Cases open on {@code asOf} ({@link CaseFile#openOn}) for the council responsible that day, with days
     * open counted from the clock running that day; past 20 / 30 / 52 weeks = more than 140 / 210 / 364 days.
     */
    public static Backlog backlog(String la, LocalDate asOf, Collection<CaseFile> cases) {
        List<Long> days = daysOpen(la, asOf, cases);
        return new Backlog(asOf, days.size(),
                (int) days.stream().filter(d -> d > 140).count(),
                (int) days.stream().filter(d -> d > 210).count(),
                (int) days.stream().filter(d -> d > 364).count(),
                averageWeeks(days), medianWeeks(days));
    }

    /**
     * The days open on {@code asOf} of each case in {@link #backlog}: calendar days from the clock running that day,
     * for the council responsible that day (every council when {@code la} is null). What the median ranks come from.
     */
    public static List<Long> daysOpen(String la, LocalDate asOf, Collection<CaseFile> cases) {
        List<Long> days = new ArrayList<>();
        for (CaseFile c : cases) {
            if (c.initialRequest() && c.openOn(asOf) && (la == null || la.equals(c.responsibleOn(asOf)))) {
                days.add(StatutoryClock.daysElapsed(c.clockStartOn(asOf), asOf));
            }
        }
        return days;
    }

    /** The trend: the backlog at the end of every week (Sunday) or month in [from, to], and on {@code to}. */
    public static List<Backlog> backlogTrend(String la, LocalDate from, LocalDate to, TrendStep step,
                                             Collection<CaseFile> cases) {
        return trendDates(from, to, step).stream().map(d -> backlog(la, d, cases)).toList();
    }

    /** How far apart the points of a trend are. */
    public enum TrendStep { WEEK, MONTH }

    static List<LocalDate> trendDates(LocalDate from, LocalDate to, TrendStep step) {
        requirePeriod(from, to);
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = step == TrendStep.WEEK ? from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : YearMonth.from(from).atEndOfMonth();
        while (d.isBefore(to)) {
            dates.add(d);
            d = step == TrendStep.WEEK ? d.plusWeeks(1) : YearMonth.from(d).plusMonths(1).atEndOfMonth();
        }
        dates.add(to);
        return dates;
    }

    // ---- decisions --------------------------------------------------------------------------------------

    /**
     * Cases whose first decision whether to assess (refuse or assess) is dated in [from, to], for the council
     * responsible that day; within 6 weeks = day 42 or earlier from the clock running that day. A later decision
     * overturning a refusal is not a second decision.
     */
    public static Decisions decisions(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        int decided = 0;
        int within = 0;
        for (CaseFile c : cases) {
            LocalDate d = c.firstDecisionDate();
            if (d == null || !c.initialRequest() || !in(d, from, to) || (la != null && !la.equals(c.responsibleOn(d)))
                    || c.clockStartOn(d) == null) {
                continue;
            }
            decided++;
            if (StatutoryClock.daysElapsed(c.clockStartOn(d), d) <= DAYS_6_WEEKS) {
                within++;
            }
        }
        return new Decisions(decided, within, percent(within, decided));
    }

    /** Decisions not to issue a plan (the conclusion that stands) dated in [from, to]; on time = day 112 or earlier. */
    public static NoPlanDecisions noPlanDecisions(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        int decided = 0;
        int within = 0;
        for (CaseFile c : cases) {
            LocalDate d = c.noPlanDate();
            if (d == null || !c.initialRequest() || !in(d, from, to) || (la != null && !la.equals(c.responsibleOn(d)))
                    || c.clockStartOn(d) == null) {
                continue;
            }
            decided++;
            if (StatutoryClock.daysElapsed(c.clockStartOn(d), d) <= DAYS_16_WEEKS) {
                within++;
            }
        }
        return new NoPlanDecisions(decided, within, percent(within, decided));
    }

    /**
     * Every month touching [from, to], whole months: its plans, the rolling 12 months ending with it, decisions,
     * and its re-assessments' plans.
     */
    public static List<Month> months(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1);
            LocalDate last = m.atEndOfMonth();
            months.add(new Month(m, twentyWeeks(la, first, last, cases),
                    twentyWeeks(la, m.minusMonths(11).atDay(1), last, cases),
                    decisions(la, first, last, cases), noPlanDecisions(la, first, last, cases),
                    reassessments(la, first, last, cases)));
        }
        return months;
    }

    // ---- advice --------------------------------------------------------------------------------------

    /**
     * Advice returned in [from, to] (by the date the advice that stands was returned), grouped by {@code key}
     * (agency or type); within 6 weeks = returned on or before {@link StatutoryClock#adviceDue} of the day the
     * agency received the request. Average days from request to return, half-up to one decimal. Reuses of existing
     * advice are not counted here ({@code reused} 0): {@link #adviceByAgency} and {@link #adviceByType} count them.
     */
    public static List<AdviceFigures> advice(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases,
                                             Function<CaseFile.AdviceRequest, String> key) {
        return advice(la, from, to, cases, key, null);
    }

    /** Advice returned in [from, to] by agency, with the existing advice of each agency reused in the period. */
    public static List<AdviceFigures> adviceByAgency(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        return advice(la, from, to, cases, CaseFile.AdviceRequest::agencyId, CaseFile.AdviceReuse::agencyId);
    }

    /** Advice returned in [from, to] by advice type, with the existing advice of each type reused in the period. */
    public static List<AdviceFigures> adviceByType(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        return advice(la, from, to, cases, a -> a.type().name(), r -> r.type().name());
    }

    /**
     * As {@link #advice(String, LocalDate, LocalDate, Collection, Function)}, plus the reuses of existing advice
     * (Reg 6(4)) recorded in [from, to] for the council on the event, grouped by {@code reuseKey} (none when null).
     */
    private static List<AdviceFigures> advice(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases,
                                              Function<CaseFile.AdviceRequest, String> key,
                                              Function<CaseFile.AdviceReuse, String> reuseKey) {
        requirePeriod(from, to);
        // per key: returned, within 6 weeks, total days, reused
        Map<String, long[]> groups = new TreeMap<>();
        for (CaseFile c : cases) {
            for (CaseFile.AdviceRequest a : c.adviceRequests()) {
                LocalDate returned = a.returned();
                if (a.requested() == null || returned == null || !in(returned, from, to)
                        || (la != null && !la.equals(a.localAuthorityCode()))) {
                    continue;
                }
                long[] g = groups.computeIfAbsent(key.apply(a), k -> new long[4]);
                g[0]++;
                if (!returned.isAfter(StatutoryClock.adviceDue(a.requested()))) {
                    g[1]++;
                }
                g[2] += StatutoryClock.daysElapsed(a.requested(), returned);
            }
            if (reuseKey == null) {
                continue;
            }
            for (CaseFile.AdviceReuse r : c.adviceReuses()) {
                if (in(r.recorded(), from, to) && (la == null || la.equals(r.localAuthorityCode()))) {
                    groups.computeIfAbsent(reuseKey.apply(r), k -> new long[4])[3]++;
                }
            }
        }
        List<AdviceFigures> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new AdviceFigures(k, (int) g[0], (int) g[1], percent(g[1], g[0]),
                mean(g[2], g[0]), (int) g[3])));
        return out;
    }

    /** Educational psychology advice owed on {@code asOf}, and how much of it is past its due date. */
    public static EpBacklog epBacklog(String la, LocalDate asOf, Collection<CaseFile> cases) {
        int open = 0;
        int overdue = 0;
        for (CaseFile c : cases) {
            for (CaseFile.AdviceRequest a : c.adviceRequests()) {
                if (a.type() == AdviceType.EDUCATIONAL_PSYCHOLOGY && a.openOn(asOf)
                        && (la == null || la.equals(a.localAuthorityCode()))) {
                    open++;
                    if (asOf.isAfter(StatutoryClock.adviceDue(a.requested()))) {
                        overdue++;
                    }
                }
            }
        }
        return new EpBacklog(asOf, open, overdue);
    }

    public static List<EpBacklog> epTrend(String la, LocalDate from, LocalDate to, TrendStep step,
                                          Collection<CaseFile> cases) {
        return trendDates(from, to, step).stream().map(d -> epBacklog(la, d, cases)).toList();
    }

    // ---- disputes -------------------------------------------------------------------------------------

    /** Mediations and tribunal appeals registered in [from, to], by stage and kind (only non-zero counts). */
    public static List<DisputeCount> disputes(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        Map<String, int[]> counts = new TreeMap<>();
        for (CaseFile c : cases) {
            for (CaseFile.Dispute d : c.disputes()) {
                if (in(d.registered(), from, to) && (la == null || la.equals(d.localAuthorityCode()))) {
                    counts.computeIfAbsent(d.stage().ordinal() + ":" + d.kind().ordinal(), k -> new int[1])[0]++;
                }
            }
        }
        List<DisputeCount> out = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] parts = k.split(":");
            out.add(new DisputeCount(DisputeStage.values()[Integer.parseInt(parts[0])],
                    DisputeKind.values()[Integer.parseInt(parts[1])], n[0]));
        });
        return out;
    }

    // ---- where time is lost ------------------------------------------------------------------------------

    /** The four stages of a plan's 20 weeks. */
    public enum Stage { DECISION, ADVICE, DRAFT, FINAL }

    /** One stage over the late plans: how many had it, median days spent in it, how many crossed its deadline. */
    public record StageTime(Stage stage, int plans, BigDecimal medianDays, int crossedDeadline) {
    }

    /** Where the late plans of a period lost their time, and the stage that most often crossed its own deadline. */
    public record TimeLost(int latePlans, List<StageTime> stages, Stage mostOftenLate) {
    }

    /** Practice, not statute (DOMAIN.md): the draft by week 14 leaves room for the two 15-day periods. */
    static final int DRAFT_BY_DAY = 14 * 7;

    /**
     * For plans issued in [from, to] after day 140 (all plans, exceptions included), the days in each stage: clock
     * start -> the decision to assess that stands; that decision -> the last advice returned; last advice -> draft;
     * draft -> final. A stage whose ends are not both known is left out for that plan. Deadlines: the decision by
     * day 42; advice, each request within 6 weeks of its own request date; the draft by day 98 (week 14, practice);
     * the final plan by day 140 (every late plan crosses it, so it is not a candidate for "most often"). Ties go to
     * the earlier stage; null when no plan was late.
     */
    public static TimeLost timeLost(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        java.util.EnumMap<Stage, List<Long>> days = new java.util.EnumMap<>(Stage.class);
        java.util.EnumMap<Stage, Integer> crossed = new java.util.EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            days.put(s, new ArrayList<>());
            crossed.put(s, 0);
        }
        int late = 0;
        for (CaseFile c : cases) {
            CaseProgress p = c.progress();
            LocalDate issued = p.finalPlanIssuedDate();
            if (issued == null || !c.initialRequest() || !in(issued, from, to) || (la != null && !la.equals(c.responsibleOn(issued)))
                    || Boolean.TRUE.equals(p.within20Weeks())) {
                continue;
            }
            late++;
            LocalDate start = p.issueClockStart();
            LocalDate decided = p.decision() == org.ehcptracker.contracts.assessment.AssessmentDecision.ASSESS
                    ? p.decisionDate() : null;
            LocalDate lastAdvice = c.adviceRequests().stream().map(CaseFile.AdviceRequest::returned)
                    .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null);
            LocalDate draft = c.draftIssued();
            stage(days, Stage.DECISION, start, decided);
            stage(days, Stage.ADVICE, decided, lastAdvice);
            stage(days, Stage.DRAFT, lastAdvice, draft);
            stage(days, Stage.FINAL, draft, issued);
            if (decided != null && decided.isAfter(start.plusDays(DAYS_6_WEEKS))) {
                crossed.merge(Stage.DECISION, 1, Integer::sum);
            }
            if (c.adviceRequests().stream().anyMatch(a -> a.requested() != null && a.returned() != null
                    && a.returned().isAfter(StatutoryClock.adviceDue(a.requested())))) {
                crossed.merge(Stage.ADVICE, 1, Integer::sum);
            }
            if (draft != null && draft.isAfter(start.plusDays(DRAFT_BY_DAY))) {
                crossed.merge(Stage.DRAFT, 1, Integer::sum);
            }
            crossed.merge(Stage.FINAL, 1, Integer::sum);
        }
        List<StageTime> stages = new ArrayList<>();
        Stage most = null;
        for (Stage s : Stage.values()) {
            stages.add(new StageTime(s, days.get(s).size(), medianDays(days.get(s)), crossed.get(s)));
            if (s != Stage.FINAL && crossed.get(s) > 0 && (most == null || crossed.get(s) > crossed.get(most))) {
                most = s;
            }
        }
        return new TimeLost(late, stages, most);
    }

    private static void stage(Map<Stage, List<Long>> days, Stage s, LocalDate begin, LocalDate end) {
        if (begin != null && end != null) {
            // an end before its beginning (advice returned after the draft; a decision before a transfer's new
            // clock) spent no time in the stage
            days.get(s).add(end.isBefore(begin) ? 0L : StatutoryClock.daysElapsed(begin, end));
        }
    }

    static BigDecimal medianDays(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        long twice = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    // ---- annual reviews -----------------------------------------------------------------------------

    /** Plans ceased in a period for one reason (a {@code CeaseReason} code). */
    public record CeasedCount(String key, int ceased) {
    }

    /**
     * The annual reviews of plans in a period (docs/reporting.md, "Annual reviews"). Percentages half-up to one
     * decimal, null when nothing counts.
     *
     * @param reviewsDue reviews that fell due in the period while the plan was in force
     * @param dueHeldOnTime of those, the ones whose meeting was held on or before the due date
     * @param meetingsHeld review meetings held in the period
     * @param decided review decisions dated in the period
     * @param decidedWithin4Weeks of those, dated on or before the meeting + 4 weeks
     * @param amendmentsIssued amended plans issued in the period
     * @param amendmentsWithinDue of those, issued on or before the due date the decision to amend set
     * @param phaseTransfersDue reviews before a move between phases whose deadline (15 February / 31 March) is in
     *        the period, the plan in force on it and the review not decided CEASE
     * @param phaseTransfersAmendedByDeadline of those, amended on or before the deadline
     * @param ceasedByReason plans ceased in the period, by reason (only non-zero counts)
     * @param plansInForce plans in force on {@code to} (issued on or before it, not ceased by then)
     */
    public record AnnualReviews(int reviewsDue, int dueHeldOnTime, BigDecimal percentDueHeldOnTime,
                                int meetingsHeld,
                                int decided, int decidedWithin4Weeks, BigDecimal percentDecidedWithin4Weeks,
                                int amendmentsIssued, int amendmentsWithinDue, BigDecimal percentAmendmentsWithinDue,
                                int phaseTransfersDue, int phaseTransfersAmendedByDeadline,
                                BigDecimal percentPhaseTransfersAmendedByDeadline,
                                List<CeasedCount> ceasedByReason, int plansInForce) {
    }

    /**
     * The annual reviews of {@code la}'s plans in [from, to]: each figure counted for the council on its event
     * (plan-service names the council that issued the plan). Plans of re-assessments count too: a plan is a plan.
     * Every plan of a case counts on its own ({@link CaseFile#plans()}, keyed by planId): a plan made after the
     * case's first plan ceased has its own reviews due, meetings, decisions, amendments, phase transfers,
     * cessation and days in force.
     */
    public static AnnualReviews annualReviews(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        int due = 0;
        int dueHeld = 0;
        int held = 0;
        int decided = 0;
        int decidedWithin = 0;
        int amended = 0;
        int amendedWithin = 0;
        int transfers = 0;
        int transfersAmended = 0;
        int inForce = 0;
        Map<String, Integer> ceased = new TreeMap<>();
        for (CaseFile c : cases) {
            for (CaseFile.Plan plan : c.plans()) {
                if (la == null || la.equals(plan.localAuthorityCode())) {
                    for (CaseFile.ReviewDue d : plan.reviewsDue()) {
                        if (in(d.due(), from, to)) {
                            due++;
                            if (d.heldOn() != null && !d.heldOn().isAfter(d.due())) {
                                dueHeld++;
                            }
                        }
                    }
                    if (plan.inForceOn(to)) {
                        inForce++;
                    }
                }
                for (CaseFile.Review r : plan.reviews()) {
                    if (la != null && !la.equals(r.localAuthorityCode())) {
                        continue;
                    }
                    if (r.meeting() != null && in(r.meeting(), from, to)) {
                        held++;
                    }
                    if (r.decided() != null && in(r.decided(), from, to)) {
                        decided++;
                        if (!r.decided().isAfter(StatutoryClock.reviewDecisionDue(r.meeting()))) {
                            decidedWithin++;
                        }
                    }
                    if (r.amendedPlanIssued() != null && in(r.amendedPlanIssued(), from, to)) {
                        amended++;
                        // an amendment whose decision is not known (never in practice: plan-service needs it) is late
                        if (r.amendedPlanDue() != null && !r.amendedPlanIssued().isAfter(r.amendedPlanDue())) {
                            amendedWithin++;
                        }
                    }
                    LocalDate deadline = r.phaseTransferDeadline();
                    // in force on the deadline: the reviewed plan's own cessation, not another plan's of the case
                    if (deadline != null && in(deadline, from, to) && r.outcome() != ReviewOutcome.CEASE
                            && (plan.ceased() == null || plan.ceased().isAfter(deadline))) {
                        transfers++;
                        if (r.amendedPlanIssued() != null && !r.amendedPlanIssued().isAfter(deadline)) {
                            transfersAmended++;
                        }
                    }
                }
                if (plan.ceased() != null && in(plan.ceased(), from, to)
                        && (la == null || la.equals(plan.ceasedLocalAuthorityCode()))) {
                    ceased.merge(plan.ceaseReason().name(), 1, Integer::sum);
                }
            }
        }
        List<CeasedCount> byReason = new ArrayList<>();
        ceased.forEach((k, n) -> byReason.add(new CeasedCount(k, n)));
        return new AnnualReviews(due, dueHeld, percent(dueHeld, due), held, decided, decidedWithin,
                percent(decidedWithin, decided), amended, amendedWithin, percent(amendedWithin, amended),
                transfers, transfersAmended, percent(transfersAmended, transfers), byReason, inForce);
    }

    // ---- plan quality ---------------------------------------------------------------------------------

    /** Plans whose latest audit in the period has the grade {@code key} (a {@code QualityGrade} code). */
    public record GradeCount(String key, int plans, BigDecimal percent) {
    }

    /** The mean score of one criterion (its code) over the plans whose latest audit in the period scored it. */
    public record CriterionAverage(String key, int plans, BigDecimal averageScore) {
    }

    /**
     * Plan quality audits in a period (docs/reporting.md, "Plan quality"). A plan audited more than once in the
     * period counts once, by its latest audit there (audit date, then recording time).
     *
     * @param auditsDone     every audit dated in the period, re-audits included
     * @param plansAudited   plans with at least one audit in the period
     * @param byGrade        the four grades in order, with zeros; percent of {@code plansAudited}, null when none
     * @param plansGoodOrOutstanding of those, graded good or outstanding (the figure boards quote: "good or better")
     * @param percentGoodOrOutstanding that as a percent of {@code plansAudited}, null when none
     * @param averageScore   mean overall score (0-100) of the latest audits, one decimal, null when none
     * @param byCriterion    each criterion scored by a latest audit, by code
     */
    public record PlanQuality(int auditsDone, int plansAudited, List<GradeCount> byGrade, int plansGoodOrOutstanding,
                              BigDecimal percentGoodOrOutstanding, BigDecimal averageScore,
                              List<CriterionAverage> byCriterion) {
    }

    /** The plan quality audits of {@code la} (the council on the event: the plan's) dated in [from, to]. */
    public static PlanQuality planQuality(String la, LocalDate from, LocalDate to, Collection<CaseFile> cases) {
        requirePeriod(from, to);
        int done = 0;
        Map<UUID, PlanQualityAudited> latest = new HashMap<>();
        Comparator<PlanQualityAudited> order = Comparator.comparing(PlanQualityAudited::businessDate)
                .thenComparing(PlanQualityAudited::occurredAt).thenComparing(e -> e.eventId().toString());
        for (CaseFile c : cases) {
            for (var e : c.events()) {
                if (e instanceof PlanQualityAudited a && (la == null || la.equals(a.localAuthorityCode()))
                        && in(a.businessDate(), from, to)) {
                    done++;
                    latest.merge(a.planId(), a, (x, y) -> order.compare(x, y) >= 0 ? x : y);
                }
            }
        }
        int plans = latest.size();
        List<GradeCount> byGrade = new ArrayList<>();
        for (QualityGrade g : QualityGrade.values()) {
            int n = (int) latest.values().stream().filter(a -> a.grade() == g).count();
            byGrade.add(new GradeCount(g.name(), n, percent(n, plans)));
        }
        long total = latest.values().stream().mapToLong(PlanQualityAudited::score).sum();
        Map<String, long[]> criteria = new TreeMap<>();
        for (PlanQualityAudited a : latest.values()) {
            for (CriterionScore s : a.criteria()) {
                long[] sumAndCount = criteria.computeIfAbsent(s.criterion(), k -> new long[2]);
                sumAndCount[0] += s.score();
                sumAndCount[1]++;
            }
        }
        List<CriterionAverage> byCriterion = new ArrayList<>();
        criteria.forEach((k, v) -> byCriterion.add(new CriterionAverage(k, (int) v[1], mean(v[0], v[1]))));
        int goodOrBetter = (int) latest.values().stream()
                .filter(a -> a.grade() == QualityGrade.OUTSTANDING || a.grade() == QualityGrade.GOOD).count();
        return new PlanQuality(done, plans, byGrade, goodOrBetter, percent(goodOrBetter, plans), mean(total, plans),
                byCriterion);
    }

    /** sum / n half up to one decimal, null for n = 0. */
    static BigDecimal mean(long sum, long n) {
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    // ---- arithmetic ------------------------------------------------------------------------------------

    static boolean in(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Mean of the days in weeks: total days / (7 × n), so no floating-point error before the rounding. */
    static BigDecimal averageWeeks(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        long total = days.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(7L * days.size()), 1, RoundingMode.HALF_UP);
    }

    /** Median of the days in weeks; with an even count the mean of the two middle values: (a + b) / 14. */
    static BigDecimal medianWeeks(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        long twiceMedian = n % 2 == 1 ? 2 * sorted.get(n / 2) : sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return medianWeeks(twiceMedian);
    }

    /**
     * Twice the median in days as weeks, half-up to one decimal: (a + b) / 14 for the two middle values, 2a / 14 for
     * one. Twice, so that a median of an even count (a half day at most) stays a whole number, as SQL's
     * {@code percentile_cont} gives it exactly.
     */
    public static BigDecimal medianWeeks(long twiceMedianDays) {
        return BigDecimal.valueOf(twiceMedianDays).divide(BigDecimal.valueOf(14), 1, RoundingMode.HALF_UP);
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        TimelinessFigures.requirePeriod(from, to);
    }
}
