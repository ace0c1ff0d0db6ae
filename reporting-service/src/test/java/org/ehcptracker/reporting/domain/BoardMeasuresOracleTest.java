package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.junit.jupiter.api.Test;

/**
 * Truth: a few hundred generated cases (seeded, so a failure can be replayed) in three councils, and every board
 * measure compared with a second, deliberately plain computation over the raw events (the oracle below: no
 * merge, no CaseProgress, just "which events are dated on or before the day"): 20 weeks, backlog, decisions, no-plan
 * decisions, advice by agency, EP backlog, disputes, and the late plans with their decision stage. Some cases are
 * re-assessments, which the oracle leaves out of every measure but advice, EP backlog and disputes. Then the events
 * are replayed in other orders and must give the identical report.
 */
class BoardMeasuresOracleTest {

    static final List<String> COUNCILS = List.of("901", "902", "903");
    static final List<String> AGENCIES = List.of("EPS-1", "EPS-2", "NHS-1", "SC-1");
    static final LocalDate END = LocalDate.parse("2025-12-31");
    static final long SEED = 20261128L;

    // ---- the generator: plausible histories, as the command services' rules allow them -----------------

    static List<IntegrationEvent> generate(Random r, int cases) {
        List<IntegrationEvent> all = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            all.addAll(oneCase(r));
        }
        return all;
    }

    static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static List<IntegrationEvent> oneCase(Random r) {
        List<IntegrationEvent> ev = new ArrayList<>();
        UUID id = UUID.randomUUID();
        String la = COUNCILS.get(r.nextInt(COUNCILS.size()));
        Events c = new Events(id, la);
        LocalDate received = LocalDate.parse("2023-01-01").plusDays(r.nextInt(900));
        // one case in ten a re-assessment (Reg 27): out of every measure but advice, EP backlog and disputes
        boolean reassessment = r.nextInt(10) == 0;
        ev.add(reassessment ? c.reassessmentRequested(received) : c.requested(received));
        LocalDate start = received;
        if (r.nextInt(10) == 0) {
            String to = COUNCILS.stream().filter(x -> !x.equals(la)).toList().get(r.nextInt(2));
            c = new Events(id, to);
            start = received.plusDays(between(r, 5, 60));
            ev.add(c.transferredIn(start, la));
        }
        LocalDate decided = start.plusDays(between(r, 20, 60));
        boolean refused = r.nextInt(5) == 0;
        ev.add(c.decided(decided, refused ? AssessmentDecision.REFUSE : AssessmentDecision.ASSESS));
        if (refused) {
            if (r.nextInt(10) < 4) {
                ev.add(c.dispute(decided.plusDays(between(r, 5, 30)),
                        r.nextBoolean() ? DisputeKind.MEDIATION : DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ASSESS));
                decided = decided.plusDays(between(r, 30, 120));
                ev.add(c.decided(decided, AssessmentDecision.ASSESS));
            } else {
                if (r.nextInt(3) == 0) {
                    ev.add(c.withdrawn(decided.plusDays(between(r, 1, 60))));
                }
                return cut(ev);
            }
        }
        if (r.nextInt(100) < 15) {
            ExceptionRecorded ex = c.exception(start.plusDays(between(r, 30, 120)),
                    reassessment ? StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT : StatutoryLimit.FINAL_PLAN_20_WEEKS);
            ev.add(ex);
            if (r.nextInt(3) == 0) {
                ev.add(c.exceptionWithdrawn(ex.businessDate().plusDays(between(r, 1, 30)), ex));
            }
        }
        if (r.nextInt(20) == 0 && !reassessment) {
            ev.add(c.exception(start.plusDays(between(r, 10, 40)), StatutoryLimit.DECISION_6_WEEKS));
        }
        for (int a = between(r, 0, 3); a > 0; a--) {
            AdviceType type = AdviceType.values()[r.nextInt(AdviceType.values().length)];
            AdviceRequested req = c.adviceRequested(decided.plusDays(between(r, 0, 7)), type,
                    AGENCIES.get(r.nextInt(AGENCIES.size())));
            ev.add(req);
            int fate = r.nextInt(20);
            if (fate == 0) {
                ev.add(c.adviceCancelled(req.businessDate().plusDays(between(r, 1, 20)), req));
            } else if (fate < 18) {
                LocalDate submitted = req.businessDate().plusDays(between(r, 20, 70));
                ev.add(c.adviceSubmitted(submitted, req));
                if (fate < 3) {
                    ev.add(c.adviceReworked(submitted.plusDays(between(r, 0, 5)), req));
                    if (fate < 2) {
                        ev.add(c.adviceSubmitted(submitted.plusDays(between(r, 6, 20)), req));
                    }
                }
            }
        }
        // one case in eight reuses existing advice (Reg 6(4)) instead of asking for it; drawn from its own seeded
        // Random (from the case's dates), so the other cases stay as generated before reuses were added
        Random reuse = new Random(received.toEpochDay() * 1_000 + decided.toEpochDay());
        if (reuse.nextInt(8) == 0) {
            AdviceType type = AdviceType.values()[reuse.nextInt(AdviceType.values().length)];
            ev.add(c.adviceReused(decided.plusDays(between(reuse, 0, 10)), type,
                    AGENCIES.get(reuse.nextInt(AGENCIES.size())), decided.minusDays(between(reuse, 30, 300))));
        }
        int end = r.nextInt(20);
        if (end == 0) {
            ev.add(c.withdrawn(decided.plusDays(between(r, 5, 60))));
        } else if (end < 3) {
            ev.add(c.concluded(start.plusDays(between(r, 90, 130)), AssessmentOutcome.NO_PLAN));
        } else if (end < 18) {
            LocalDate draft = start.plusDays(between(r, 70, 130));
            ev.add(c.draftPlan(draft));
            LocalDate issued = draft.plusDays(between(r, 15, 50));
            ev.add(c.concluded(draft.minusDays(1), AssessmentOutcome.ISSUE_PLAN));
            ev.add(c.finalPlan(issued, start));
            if (r.nextInt(20) == 0) {
                ev.add(c.dispute(issued.plusDays(between(r, 5, 60)), DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS));
            }
        }
        return cut(ev);
    }

    /** Nothing after END: the history so far. */
    static List<IntegrationEvent> cut(List<IntegrationEvent> ev) {
        return ev.stream().filter(e -> !e.businessDate().isAfter(END)).toList();
    }

    /**
     * Annual reviews for the generated plans, as plan-service allows them: about every 12 months a meeting (up to
     * 60 days early or 40 late; one in six never held), one in five before a move between phases (deadline the next
     * 15 February or 31 March after the meeting; one review in ten held months early for such a move), a decision 7-40 days later (one in ten never), an amended plan
     * for most decisions to amend, a decision to cease followed by the plan ceasing, and some plans ceased anyway.
     * Half the ceased plans are followed by a new plan of the same case (plan-service: a new draft with a new planId
     * once the plan ceased, its final plan carrying the case's clock start), which has reviews of its own and may
     * cease and be followed in turn.
     */
    static List<IntegrationEvent> withReviews(Random r, List<IntegrationEvent> events) {
        List<IntegrationEvent> all = new ArrayList<>(events);
        for (IntegrationEvent e : events) {
            if (!(e instanceof FinalPlanIssued first)) {
                continue;
            }
            Events c = new Events(first.caseId(), first.localAuthorityCode(), first.planId());
            LocalDate ceased = planLife(r, c, first.businessDate(), false, all);
            while (ceased != null && r.nextBoolean()) {
                Events next = c.plan(UUID.randomUUID());
                LocalDate draft = ceased.plusDays(between(r, 20, 120));
                LocalDate issued = draft.plusDays(between(r, 15, 50));
                all.add(next.draftPlan(draft));
                all.add(next.finalPlan(issued, first.requestReceivedDate()));
                ceased = planLife(r, next, issued, true, all);
            }
        }
        return cut(all);
    }

    /**
     * The reviews (and perhaps the cessation) of plan {@code c} issued on {@code issued}; the day it ceased, or null.
     * A plan made after another ceased ({@code later}) has its reviews held early, for a move, more often (one in
     * three), and ceases sooner more often, so that such reviews and cessations fall inside the generated years.
     */
    static LocalDate planLife(Random r, Events c, LocalDate issued, boolean later, List<IntegrationEvent> all) {
        LocalDate ceased = r.nextInt(later ? 3 : 5) == 0 ? issued.plusDays(between(r, 100, later ? 300 : 700)) : null;
        CeaseReason reason = CeaseReason.values()[r.nextInt(CeaseReason.values().length)];
        LocalDate anchor = issued;
        while (r.nextInt(6) > 0) {
            // one review in ten held early, 2-7 months after the last, to prepare a move between phases
            boolean early = r.nextInt(later ? 3 : 10) == 0;
            LocalDate meeting = early ? anchor.plusDays(between(r, 60, 200))
                    : anchor.plusMonths(12).plusDays(between(r, -60, 40));
            if (ceased != null && !meeting.isBefore(ceased)) {
                break;
            }
            UUID review = UUID.randomUUID();
            boolean phase = early || r.nextInt(5) == 0;
            boolean post16 = r.nextBoolean();
            LocalDate deadline = null;
            if (phase) {
                deadline = LocalDate.of(meeting.getYear(), post16 ? 3 : 2, post16 ? 31 : 15);
                deadline = deadline.isAfter(meeting) ? deadline : deadline.plusYears(1);
            }
            all.add(c.reviewMeeting(meeting, review, phase ? (post16 ? "SECONDARY_TO_POST_16" : "PRIMARY_TO_SECONDARY")
                    : null, deadline));
            if (r.nextInt(10) > 0) {
                LocalDate decided = meeting.plusDays(between(r, 7, 40));
                int o = r.nextInt(10);
                ReviewOutcome outcome = o == 0 ? ReviewOutcome.CEASE : o < (phase ? 9 : 5) ? ReviewOutcome.AMEND
                        : ReviewOutcome.KEEP;
                all.add(c.reviewDecided(decided, review, outcome, meeting));
                if (outcome == ReviewOutcome.CEASE) {
                    ceased = decided.plusDays(between(r, 0, 30));
                    break;
                }
                LocalDate amended = decided.plusDays(between(r, 20, 90));
                if (outcome == ReviewOutcome.AMEND && r.nextInt(5) > 0 && (ceased == null || amended.isBefore(ceased))) {
                    all.add(c.amendedPlan(amended, review));
                }
            }
            anchor = meeting;
        }
        if (ceased != null) {
            all.add(c.planCeased(ceased, reason));
        }
        return ceased;
    }

    // ---- the oracle: plain loops over the raw events ------------------------------------------------

    record Raw(List<Long> days, int within) {
    }

    /** Every event of case {@code id}; grouped once per event list (the oracle asks thousands of times). */
    static List<IntegrationEvent> ofCase(List<IntegrationEvent> all, UUID id) {
        return BY_CASE.computeIfAbsent(all, a -> {
            Map<UUID, List<IntegrationEvent>> m = new HashMap<>();
            a.forEach(e -> m.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
            return m;
        }).getOrDefault(id, List.of());
    }

    private static final Map<List<IntegrationEvent>, Map<UUID, List<IntegrationEvent>>> BY_CASE =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** {@code la} null stands for every council together. */
    static boolean scoped(String la, String council) {
        return la == null || la.equals(council);
    }

    static String councilOn(List<IntegrationEvent> ev, LocalDate d) {
        String la = null;
        LocalDate latest = null;
        String firstFrom = null;
        LocalDate first = null;
        for (IntegrationEvent e : ev) {
            if (e instanceof ResponsibilityTransferredIn t) {
                if (!t.businessDate().isAfter(d) && (latest == null || t.businessDate().isAfter(latest))) {
                    latest = t.businessDate();
                    la = t.localAuthorityCode();
                }
                if (first == null || t.businessDate().isBefore(first)) {
                    first = t.businessDate();
                    firstFrom = t.fromLocalAuthorityCode();
                }
            }
        }
        if (la != null) {
            return la;
        }
        if (firstFrom != null) {
            return firstFrom;
        }
        return ev.stream().filter(e -> e instanceof AssessmentRequested).findFirst().orElseThrow().localAuthorityCode();
    }

    /** A re-assessment (Reg 27): its request says so. The DfE measures count initial requests only. */
    static boolean reassessment(List<IntegrationEvent> ev) {
        return ev.stream().anyMatch(e -> e instanceof AssessmentRequested q && q.requestKind() == RequestKind.REASSESSMENT);
    }

    /**
     * The case's first final plan (the earliest issue): the one its assessment issued. A plan made after that one
     * ceased follows no request of its own, so no 20-week, re-assessment or time-lost figure counts it.
     */
    static FinalPlanIssued firstPlan(List<IntegrationEvent> ev) {
        return (FinalPlanIssued) ev.stream().filter(e -> e instanceof FinalPlanIssued)
                .min(Comparator.comparing(IntegrationEvent::businessDate)).orElse(null);
    }

    static LocalDate startOn(List<IntegrationEvent> ev, LocalDate d) {
        LocalDate start = ev.stream().filter(e -> e instanceof AssessmentRequested).findFirst().orElseThrow().businessDate();
        for (IntegrationEvent e : ev) {
            if (e instanceof ResponsibilityTransferredIn t && !t.businessDate().isAfter(d) && t.businessDate().isAfter(start)) {
                start = t.businessDate();
            }
        }
        return start;
    }

    static Raw oracleTwentyWeeks(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to, boolean excludeExceptions) {
        List<Long> days = new ArrayList<>();
        int within = 0;
        for (UUID id : all.stream().map(IntegrationEvent::caseId).distinct().toList()) {
            List<IntegrationEvent> ev = ofCase(all, id);
            FinalPlanIssued plan = firstPlan(ev);
            if (plan == null || reassessment(ev) || plan.businessDate().isBefore(from) || plan.businessDate().isAfter(to)
                    || !scoped(la, councilOn(ev, plan.businessDate()))) {
                continue;
            }
            boolean disputedBefore = ev.stream().anyMatch(e -> e instanceof MediationOrTribunalRecorded m
                    && m.stage() != DisputeStage.PLAN_CONTENTS && !m.businessDate().isAfter(plan.businessDate()));
            if (disputedBefore) {
                continue;
            }
            Set<UUID> exceptions = new HashSet<>();
            ev.stream().filter(e -> e instanceof ExceptionRecorded x && x.limit() == StatutoryLimit.FINAL_PLAN_20_WEEKS)
                    .forEach(e -> exceptions.add(((ExceptionRecorded) e).exceptionId()));
            ev.stream().filter(e -> e instanceof ExceptionWithdrawn).forEach(e -> exceptions.remove(((ExceptionWithdrawn) e).exceptionId()));
            if (excludeExceptions && !exceptions.isEmpty()) {
                continue;
            }
            long d = ChronoUnit.DAYS.between(plan.requestReceivedDate(), plan.businessDate());
            days.add(d);
            if (d <= 140) {
                within++;
            }
        }
        return new Raw(days, within);
    }

    /**
     * Re-assessments' final plans (Reg 27) issued in [from, to] for {@code la}: days from the clock start the plan
     * carries, within = day 98 or earlier; a refusal dispute registered by the issue leaves the case out; excluding
     * exceptions leaves out a case with a 14-week exception not withdrawn.
     */
    static Raw oracleReassessments(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to, boolean excludeExceptions) {
        List<Long> days = new ArrayList<>();
        int within = 0;
        for (IntegrationEvent e : all) {
            if (!(e instanceof FinalPlanIssued plan) || plan.businessDate().isBefore(from) || plan.businessDate().isAfter(to)) {
                continue;
            }
            List<IntegrationEvent> ev = ofCase(all, plan.caseId());
            if (firstPlan(ev) != plan || !reassessment(ev) || !scoped(la, councilOn(ev, plan.businessDate()))
                    || ev.stream().anyMatch(x -> x instanceof MediationOrTribunalRecorded m && m.stage() != DisputeStage.PLAN_CONTENTS
                            && !m.businessDate().isAfter(plan.businessDate()))) {
                continue;
            }
            long exceptions = ev.stream().filter(x -> x instanceof ExceptionRecorded r
                    && r.limit() == StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT
                    && ev.stream().noneMatch(y -> y instanceof ExceptionWithdrawn w && w.exceptionId().equals(r.exceptionId())))
                    .count();
            if (excludeExceptions && exceptions > 0) {
                continue;
            }
            long d = ChronoUnit.DAYS.between(plan.requestReceivedDate(), plan.businessDate());
            days.add(d);
            within += d <= 98 ? 1 : 0;
        }
        return new Raw(days, within);
    }

    /** Days open on {@code d} of every case open that day for {@code la}. */
    static List<Long> oracleBacklog(List<IntegrationEvent> all, String la, LocalDate d) {
        List<Long> days = new ArrayList<>();
        for (UUID id : all.stream().map(IntegrationEvent::caseId).distinct().toList()) {
            List<IntegrationEvent> ev = ofCase(all, id);
            List<IntegrationEvent> byThen = ev.stream().filter(e -> !e.businessDate().isAfter(d)).toList();
            if (byThen.stream().noneMatch(e -> e instanceof AssessmentRequested) || reassessment(ev)) {
                continue;
            }
            boolean closed = byThen.stream().anyMatch(e -> e instanceof FinalPlanIssued || e instanceof RequestWithdrawn
                    || (e instanceof AssessmentConcluded k && k.outcome() == AssessmentOutcome.NO_PLAN));
            // the last decision by then; the same day, ASSESS beats REFUSE
            AssessmentDecided last = null;
            for (IntegrationEvent e : byThen) {
                if (e instanceof AssessmentDecided x && (last == null || x.businessDate().isAfter(last.businessDate())
                        || (x.businessDate().equals(last.businessDate()) && x.decision() == AssessmentDecision.ASSESS))) {
                    last = x;
                }
            }
            boolean refused = last != null && last.decision() == AssessmentDecision.REFUSE;
            if (closed || refused || !scoped(la, councilOn(ev, d))) {
                continue;
            }
            days.add(ChronoUnit.DAYS.between(startOn(ev, d), d));
        }
        return days;
    }

    static int[] oracleDecisions(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
        int decided = 0;
        int within = 0;
        for (UUID id : all.stream().map(IntegrationEvent::caseId).distinct().toList()) {
            List<IntegrationEvent> ev = ofCase(all, id);
            LocalDate first = ev.stream().filter(e -> e instanceof AssessmentDecided).map(IntegrationEvent::businessDate)
                    .min(Comparator.naturalOrder()).orElse(null);
            if (first == null || reassessment(ev) || first.isBefore(from) || first.isAfter(to) || !scoped(la, councilOn(ev, first))) {
                continue;
            }
            decided++;
            if (ChronoUnit.DAYS.between(startOn(ev, first), first) <= 42) {
                within++;
            }
        }
        return new int[] {decided, within};
    }

    /** Per agency: returned, within 6 weeks, total days; by the last submission not sent back afterwards. */
    static Map<String, long[]> oracleAdvice(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to,
                                            Function<AdviceRequested, String> key,
                                            Function<ExistingAdviceReused, String> reuseKey) {
        Map<UUID, AdviceRequested> requests = new HashMap<>();
        Map<UUID, LocalDate> lastSubmission = new HashMap<>();
        Map<UUID, LocalDate> lastRework = new HashMap<>();
        for (IntegrationEvent e : all) {
            if (e instanceof AdviceRequested q) {
                requests.put(q.adviceRequestId(), q);
            } else if (e instanceof AdviceSubmitted s) {
                lastSubmission.merge(s.adviceRequestId(), s.businessDate(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (e instanceof AdviceReturnedForRework w) {
                lastRework.merge(w.adviceRequestId(), w.businessDate(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, long[]> out = new TreeMap<>();
        requests.forEach((id, q) -> {
            LocalDate returned = lastSubmission.get(id);
            LocalDate rework = lastRework.get(id);
            if (returned == null || (rework != null && !rework.isBefore(returned)) || returned.isBefore(from)
                    || returned.isAfter(to) || !scoped(la, q.localAuthorityCode())) {
                return;
            }
            long[] g = out.computeIfAbsent(key.apply(q), k -> new long[4]);
            long days = ChronoUnit.DAYS.between(q.businessDate(), returned);
            g[0]++;
            g[1] += days <= 42 ? 1 : 0;
            g[2] += days;
        });
        // reuses of existing advice recorded in the period: a count of their own, never a request returned
        for (IntegrationEvent e : all) {
            if (e instanceof ExistingAdviceReused u && !u.businessDate().isBefore(from) && !u.businessDate().isAfter(to)
                    && scoped(la, u.localAuthorityCode())) {
                out.computeIfAbsent(reuseKey.apply(u), k -> new long[4])[3]++;
            }
        }
        return out;
    }

    static int[] oracleEpBacklog(List<IntegrationEvent> all, String la, LocalDate d) {
        int open = 0;
        int overdue = 0;
        for (IntegrationEvent e : all) {
            if (!(e instanceof AdviceRequested q) || q.adviceType() != AdviceType.EDUCATIONAL_PSYCHOLOGY
                    || q.businessDate().isAfter(d) || !scoped(la, q.localAuthorityCode())) {
                continue;
            }
            LocalDate lastSubmission = null;
            LocalDate lastRework = null;
            boolean cancelled = false;
            for (IntegrationEvent x : all) {
                if (x.businessDate().isAfter(d)) {
                    continue;
                }
                if (x instanceof AdviceSubmitted s && s.adviceRequestId().equals(q.adviceRequestId())
                        && (lastSubmission == null || s.businessDate().isAfter(lastSubmission))) {
                    lastSubmission = s.businessDate();
                } else if (x instanceof AdviceReturnedForRework w && w.adviceRequestId().equals(q.adviceRequestId())
                        && (lastRework == null || w.businessDate().isAfter(lastRework))) {
                    lastRework = w.businessDate();
                } else if (x instanceof AdviceRequestCancelled k && k.adviceRequestId().equals(q.adviceRequestId())) {
                    cancelled = true;
                }
            }
            boolean returned = lastSubmission != null && (lastRework == null || lastRework.isBefore(lastSubmission));
            if (!returned && !cancelled) {
                open++;
                overdue += ChronoUnit.DAYS.between(q.businessDate(), d) > 42 ? 1 : 0;
            }
        }
        return new int[] {open, overdue};
    }

    static int[] oracleNoPlan(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
        int decided = 0;
        int within = 0;
        for (IntegrationEvent e : all) {
            if (e instanceof AssessmentConcluded k && k.outcome() == AssessmentOutcome.NO_PLAN
                    && !k.businessDate().isBefore(from) && !k.businessDate().isAfter(to)) {
                List<IntegrationEvent> ev = ofCase(all, k.caseId());
                if (!reassessment(ev) && scoped(la, councilOn(ev, k.businessDate()))) {
                    decided++;
                    within += ChronoUnit.DAYS.between(startOn(ev, k.businessDate()), k.businessDate()) <= 112 ? 1 : 0;
                }
            }
        }
        return new int[] {decided, within};
    }

    static Map<String, Integer> oracleDisputes(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
        Map<String, Integer> out = new TreeMap<>();
        for (IntegrationEvent e : all) {
            if (e instanceof MediationOrTribunalRecorded m && scoped(la, m.localAuthorityCode())
                    && !m.businessDate().isBefore(from) && !m.businessDate().isAfter(to)) {
                out.merge(m.stage() + "/" + m.kind(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Late plans, and their DECISION stage: days from the clock start to the decision to assess that stands. */
    static List<Long> oracleLateDecisionDays(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to, int[] late) {
        List<Long> days = new ArrayList<>();
        for (IntegrationEvent e : all) {
            if (!(e instanceof FinalPlanIssued plan) || plan.businessDate().isBefore(from) || plan.businessDate().isAfter(to)
                    || ChronoUnit.DAYS.between(plan.requestReceivedDate(), plan.businessDate()) <= 140) {
                continue;
            }
            List<IntegrationEvent> ev = ofCase(all, plan.caseId());
            if (firstPlan(ev) != plan || reassessment(ev) || !scoped(la, councilOn(ev, plan.businessDate()))) {
                continue;
            }
            late[0]++;
            AssessmentDecided last = null;
            for (IntegrationEvent x : ev) {
                if (x instanceof AssessmentDecided d && (last == null || d.businessDate().isAfter(last.businessDate())
                        || (d.businessDate().equals(last.businessDate()) && d.decision() == AssessmentDecision.ASSESS))) {
                    last = d;
                }
            }
            if (last != null && last.decision() == AssessmentDecision.ASSESS) {
                days.add(Math.max(0, ChronoUnit.DAYS.between(plan.requestReceivedDate(), last.businessDate())));
            }
        }
        return days;
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : new BigDecimal(numerator).divide(new BigDecimal(denominator), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> s = new ArrayList<>(days);
        Collections.sort(s);
        int n = s.size();
        long twice = n % 2 == 1 ? 2 * s.get(n / 2) : s.get(n / 2 - 1) + s.get(n / 2);
        return ratio(twice, 14);
    }

    static BigDecimal medianDays(List<Long> days) {
        List<Long> s = new ArrayList<>(days);
        Collections.sort(s);
        int n = s.size();
        return ratio(n % 2 == 1 ? 2 * s.get(n / 2) : s.get(n / 2 - 1) + s.get(n / 2), 2);
    }

    static long sum(List<Long> days) {
        return days.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Where time is lost, plainly: the late plans (issued in the period after day 140, initial requests, for the
     * council at the issue), and for each stage the days of those plans with both ends known, and the plans that
     * crossed the stage's own deadline. Index 0-3: DECISION, ADVICE, DRAFT, FINAL.
     */
    record RawTimeLost(int late, List<List<Long>> days, int[] crossed) {
    }

    static RawTimeLost oracleTimeLost(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
        List<List<Long>> days = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] crossed = new int[4];
        int late = 0;
        for (IntegrationEvent e : all) {
            if (!(e instanceof FinalPlanIssued plan) || plan.businessDate().isBefore(from) || plan.businessDate().isAfter(to)) {
                continue;
            }
            List<IntegrationEvent> ev = ofCase(all, plan.caseId());
            // the first plan of the case only (a later plan follows the first one's cessation, no request of its own)
            if (firstPlan(ev) != plan
                    || ChronoUnit.DAYS.between(plan.requestReceivedDate(), plan.businessDate()) <= 140
                    || reassessment(ev) || !scoped(la, councilOn(ev, plan.businessDate()))) {
                continue;
            }
            late++;
            LocalDate start = plan.requestReceivedDate();
            AssessmentDecided last = null;
            LocalDate draft = null;
            LocalDate lastAdvice = null;
            boolean adviceLate = false;
            for (IntegrationEvent x : ev) {
                if (x instanceof AssessmentDecided d && (last == null || d.businessDate().isAfter(last.businessDate())
                        || (d.businessDate().equals(last.businessDate()) && d.decision() == AssessmentDecision.ASSESS))) {
                    last = d;
                }
                if (x instanceof DraftPlanIssued d && (draft == null || d.businessDate().isBefore(draft))) {
                    draft = d.businessDate();
                }
                if (x instanceof AdviceRequested q) {
                    LocalDate returned = null;
                    LocalDate rework = null;
                    for (IntegrationEvent y : ev) {
                        if (y instanceof AdviceSubmitted s && s.adviceRequestId().equals(q.adviceRequestId())
                                && (returned == null || s.businessDate().isAfter(returned))) {
                            returned = s.businessDate();
                        }
                        if (y instanceof AdviceReturnedForRework w && w.adviceRequestId().equals(q.adviceRequestId())
                                && (rework == null || w.businessDate().isAfter(rework))) {
                            rework = w.businessDate();
                        }
                    }
                    if (returned != null && (rework == null || rework.isBefore(returned))) {
                        lastAdvice = lastAdvice == null || returned.isAfter(lastAdvice) ? returned : lastAdvice;
                        adviceLate |= ChronoUnit.DAYS.between(q.businessDate(), returned) > 42;
                    }
                }
            }
            LocalDate decided = last != null && last.decision() == AssessmentDecision.ASSESS ? last.businessDate() : null;
            LocalDate[] ends = {start, decided, lastAdvice, draft, plan.businessDate()};
            for (int s = 0; s < 4; s++) {
                if (ends[s] != null && ends[s + 1] != null) {
                    days.get(s).add(Math.max(0, ChronoUnit.DAYS.between(ends[s], ends[s + 1])));
                }
            }
            crossed[0] += decided != null && ChronoUnit.DAYS.between(start, decided) > 42 ? 1 : 0;
            crossed[1] += adviceLate ? 1 : 0;
            crossed[2] += draft != null && ChronoUnit.DAYS.between(start, draft) > 98 ? 1 : 0;
            crossed[3]++;
        }
        return new RawTimeLost(late, days, crossed);
    }

    /**
     * The annual review figures, plainly (docs/reporting.md, measure 8), in the record's field order: plan by plan
     * (a case may have several, one after another, each with its own planId on every plan event).
     */
    static List<Object> oracleAnnualReviews(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
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
        Map<UUID, List<IntegrationEvent>> byPlan = new HashMap<>();
        for (IntegrationEvent e : all) {
            UUID planId = e instanceof FinalPlanIssued f ? f.planId() : e instanceof PlanCeased c ? c.planId()
                    : e instanceof AnnualReviewMeetingHeld m ? m.planId() : e instanceof AnnualReviewDecided d ? d.planId()
                    : e instanceof AmendedPlanIssued a ? a.planId() : null;
            if (planId != null) {
                byPlan.computeIfAbsent(planId, k -> new ArrayList<>()).add(e);
            }
        }
        for (List<IntegrationEvent> ev : byPlan.values()) {
            FinalPlanIssued plan = (FinalPlanIssued) ev.stream().filter(e -> e instanceof FinalPlanIssued)
                    .min(Comparator.comparing(IntegrationEvent::businessDate)).orElse(null);
            PlanCeased cease = (PlanCeased) ev.stream().filter(e -> e instanceof PlanCeased)
                    .min(Comparator.comparing(IntegrationEvent::businessDate)).orElse(null);
            List<LocalDate> meetings = ev.stream().filter(e -> e instanceof AnnualReviewMeetingHeld)
                    .map(IntegrationEvent::businessDate).sorted().toList();
            if (plan != null && scoped(la, plan.localAuthorityCode())) {
                // due 12 months after the issue, then 12 months after each meeting; the n-th meeting answers the n-th
                for (int n = 0; n <= meetings.size(); n++) {
                    LocalDate d = (n == 0 ? plan.businessDate() : meetings.get(n - 1)).plusMonths(12);
                    if (cease != null && !cease.businessDate().isAfter(d)) {
                        break;
                    }
                    if (!d.isBefore(from) && !d.isAfter(to)) {
                        due++;
                        dueHeld += n < meetings.size() && !meetings.get(n).isAfter(d) ? 1 : 0;
                    }
                }
                // in force on the last day: issued by then, not ceased by then
                inForce += !plan.businessDate().isAfter(to) && (cease == null || cease.businessDate().isAfter(to)) ? 1 : 0;
            }
            for (IntegrationEvent e : ev) {
                boolean inPeriod = !e.businessDate().isBefore(from) && !e.businessDate().isAfter(to);
                if (!scoped(la, e.localAuthorityCode())) {
                    continue;
                }
                if (e instanceof AnnualReviewMeetingHeld m) {
                    held += inPeriod ? 1 : 0;
                    LocalDate deadline = m.phaseTransferDeadline();
                    boolean ceaseDecided = ev.stream().anyMatch(x -> x instanceof AnnualReviewDecided d
                            && d.reviewId().equals(m.reviewId()) && d.outcome() == ReviewOutcome.CEASE);
                    if (deadline != null && !deadline.isBefore(from) && !deadline.isAfter(to) && !ceaseDecided
                            && (cease == null || cease.businessDate().isAfter(deadline))) {
                        transfers++;
                        transfersAmended += ev.stream().anyMatch(x -> x instanceof AmendedPlanIssued a
                                && a.reviewId().equals(m.reviewId()) && !a.businessDate().isAfter(deadline)) ? 1 : 0;
                    }
                } else if (e instanceof AnnualReviewDecided d && inPeriod) {
                    decided++;
                    decidedWithin += ChronoUnit.DAYS.between(d.meetingDate(), d.businessDate()) <= 28 ? 1 : 0;
                } else if (e instanceof AmendedPlanIssued a && inPeriod) {
                    amended++;
                    LocalDate amendDue = ev.stream().filter(x -> x instanceof AnnualReviewDecided d
                            && d.reviewId().equals(a.reviewId())).map(x -> ((AnnualReviewDecided) x).amendedPlanDue())
                            .findFirst().orElse(null);
                    amendedWithin += amendDue != null && !a.businessDate().isAfter(amendDue) ? 1 : 0;
                }
            }
            if (cease != null && !cease.businessDate().isBefore(from) && !cease.businessDate().isAfter(to)
                    && scoped(la, cease.localAuthorityCode())) {
                ceased.merge(cease.reason().name(), 1, Integer::sum);
            }
        }
        List<BoardMeasures.CeasedCount> byReason = new ArrayList<>();
        ceased.forEach((k, n) -> byReason.add(new BoardMeasures.CeasedCount(k, n)));
        return List.of(due, dueHeld, String.valueOf(ratio(100L * dueHeld, due)), held, decided, decidedWithin,
                String.valueOf(ratio(100L * decidedWithin, decided)), amended, amendedWithin,
                String.valueOf(ratio(100L * amendedWithin, amended)), transfers, transfersAmended,
                String.valueOf(ratio(100L * transfersAmended, transfers)), byReason, inForce);
    }

    /** A council's place on a measure among the councils with a value: 1 + those strictly better; null without one. */
    static Integer oracleRank(Map<String, BigDecimal> values, String la, boolean higherIsBetter) {
        BigDecimal own = values.get(la);
        if (own == null) {
            return null;
        }
        int better = 0;
        for (BigDecimal v : values.values()) {
            if (v != null && (higherIsBetter ? v.compareTo(own) > 0 : v.compareTo(own) < 0)) {
                better++;
            }
        }
        return better + 1;
    }

    // ---- the checks ---------------------------------------------------------------------------------

    static void check(BoardMeasures.FourteenWeeks m, Raw raw, String what) {
        assertThat(m.plansIssued()).as(what + " plans").isEqualTo(raw.days().size());
        assertThat(m.issuedWithin14Weeks()).as(what + " within").isEqualTo(raw.within());
        assertThat(m.percentWithin14Weeks()).as(what + " percent").isEqualTo(ratio(100L * raw.within(), raw.days().size()));
        assertThat(m.averageWeeksToIssue()).as(what + " average").isEqualTo(ratio(sum(raw.days()), 7L * raw.days().size()));
        assertThat(m.medianWeeksToIssue()).as(what + " median").isEqualTo(median(raw.days()));
    }

    static void check(BoardMeasures.TwentyWeeks m, Raw raw, String what) {
        assertThat(m.plansIssued()).as(what + " plans").isEqualTo(raw.days().size());
        assertThat(m.issuedWithin20Weeks()).as(what + " within").isEqualTo(raw.within());
        assertThat(m.percentWithin20Weeks()).as(what + " percent").isEqualTo(ratio(100L * raw.within(), raw.days().size()));
        assertThat(m.averageWeeksToIssue()).as(what + " average").isEqualTo(ratio(sum(raw.days()), 7L * raw.days().size()));
        assertThat(m.medianWeeksToIssue()).as(what + " median").isEqualTo(median(raw.days()));
    }

    /** Every measure of {@code la} (null: all councils) over [from, to] against the oracle; the plans counted. */
    static int checkPeriod(List<IntegrationEvent> events, List<CaseFile> cases, String la, LocalDate from, LocalDate to) {
        String m = la + " " + from + ".." + to;
        var tw = BoardMeasures.twentyWeeks(la, from, to, cases);
        check(tw.includingExceptions(), oracleTwentyWeeks(events, la, from, to, false), m + " including");
        check(tw.excludingExceptions(), oracleTwentyWeeks(events, la, from, to, true), m + " excluding");
        var re = BoardMeasures.reassessments(la, from, to, cases);
        check(re.includingExceptions(), oracleReassessments(events, la, from, to, false), m + " re-assessments including");
        check(re.excludingExceptions(), oracleReassessments(events, la, from, to, true), m + " re-assessments excluding");

        List<Long> open = oracleBacklog(events, la, to);
        var b = BoardMeasures.backlog(la, to, cases);
        assertThat(b.open()).as(la + " open " + to).isEqualTo(open.size());
        assertThat(b.past20Weeks()).as("past 20").isEqualTo(open.stream().filter(d -> d > 140).count());
        assertThat(b.past30Weeks()).as("past 30").isEqualTo(open.stream().filter(d -> d > 210).count());
        assertThat(b.past52Weeks()).as("past 52").isEqualTo(open.stream().filter(d -> d > 364).count());
        assertThat(b.averageWeeksOpen()).as("average open").isEqualTo(ratio(sum(open), 7L * open.size()));
        assertThat(b.medianWeeksOpen()).as("median open").isEqualTo(median(open));

        int[] dec = oracleDecisions(events, la, from, to);
        var decisions = BoardMeasures.decisions(la, from, to, cases);
        assertThat(new int[] {decisions.decided(), decisions.within6Weeks()}).as(m + " decisions").isEqualTo(dec);
        assertThat(decisions.percentWithin6Weeks()).isEqualTo(ratio(100L * dec[1], dec[0]));

        checkAdvice(BoardMeasures.adviceByAgency(la, from, to, cases),
                oracleAdvice(events, la, from, to, AdviceRequested::agencyId, ExistingAdviceReused::agencyId),
                m + " advice by agency");
        checkAdvice(BoardMeasures.adviceByType(la, from, to, cases),
                oracleAdvice(events, la, from, to, q -> q.adviceType().name(), u -> u.adviceType().name()),
                m + " advice by type");

        int[] noPlan = oracleNoPlan(events, la, from, to);
        var np = BoardMeasures.noPlanDecisions(la, from, to, cases);
        assertThat(new int[] {np.decided(), np.within16Weeks()}).as(m + " no plan").isEqualTo(noPlan);
        assertThat(np.percentWithin16Weeks()).isEqualTo(ratio(100L * noPlan[1], noPlan[0]));

        Map<String, Integer> disputes = new TreeMap<>();
        BoardMeasures.disputes(la, from, to, cases).forEach(d -> disputes.put(d.stage() + "/" + d.kind(), d.registered()));
        assertThat(disputes).as(m + " disputes").isEqualTo(oracleDisputes(events, la, from, to));

        int[] late = new int[1];
        List<Long> decisionDays = oracleLateDecisionDays(events, la, from, to, late);
        var lost = BoardMeasures.timeLost(la, from, to, cases);
        assertThat(lost.latePlans()).as(m + " late plans").isEqualTo(late[0]);
        var decisionStage = lost.stages().get(0);
        assertThat(decisionStage.plans()).isEqualTo(decisionDays.size());
        assertThat(decisionStage.medianDays()).isEqualTo(decisionDays.isEmpty() ? null : medianDays(decisionDays));
        assertThat(decisionStage.crossedDeadline()).isEqualTo(decisionDays.stream().filter(d -> d > 42).count());
        checkTimeLost(lost, oracleTimeLost(events, la, from, to), m);

        int[] ep = oracleEpBacklog(events, la, to);
        var epBacklog = BoardMeasures.epBacklog(la, to, cases);
        assertThat(new int[] {epBacklog.open(), epBacklog.overdue()}).as(la + " EP " + to).isEqualTo(ep);
        return tw.includingExceptions().plansIssued();
    }

    static void checkAdvice(List<BoardMeasures.AdviceFigures> figures, Map<String, long[]> oracle, String what) {
        assertThat(figures).extracting(BoardMeasures.AdviceFigures::key).as(what).containsExactlyElementsOf(oracle.keySet());
        for (var a : figures) {
            long[] g = oracle.get(a.key());
            assertThat(new long[] {a.returned(), a.within6Weeks()}).as(what + " " + a.key()).isEqualTo(new long[] {g[0], g[1]});
            assertThat(a.percentWithin6Weeks()).as(what + " " + a.key() + " percent").isEqualTo(ratio(100L * g[1], g[0]));
            assertThat(a.averageDays()).as(what + " " + a.key() + " days").isEqualTo(ratio(g[2], g[0]));
            assertThat(a.reused()).as(what + " " + a.key() + " reused").isEqualTo(g[3]);
        }
    }

    static void checkTimeLost(BoardMeasures.TimeLost lost, RawTimeLost raw, String what) {
        assertThat(lost.latePlans()).as(what + " late plans").isEqualTo(raw.late());
        int most = -1;
        for (int s = 0; s < 4; s++) {
            var stage = lost.stages().get(s);
            List<Long> days = raw.days().get(s);
            assertThat(stage.stage()).isEqualTo(BoardMeasures.Stage.values()[s]);
            assertThat(stage.plans()).as(what + " " + stage.stage() + " plans").isEqualTo(days.size());
            assertThat(stage.medianDays()).as(what + " " + stage.stage() + " median")
                    .isEqualTo(days.isEmpty() ? null : medianDays(days));
            assertThat(stage.crossedDeadline()).as(what + " " + stage.stage() + " crossed").isEqualTo(raw.crossed()[s]);
            if (s < 3 && raw.crossed()[s] > 0 && (most < 0 || raw.crossed()[s] > raw.crossed()[most])) {
                most = s;
            }
        }
        assertThat(lost.mostOftenLate()).as(what + " most often late")
                .isEqualTo(most < 0 ? null : BoardMeasures.Stage.values()[most]);
    }

    /** The councils one by one, then all of them together (null). */
    static List<String> scopes() {
        List<String> scopes = new ArrayList<>(COUNCILS);
        scopes.add(null);
        return scopes;
    }

    @Test
    void every_measure_agrees_with_the_oracle_on_300_generated_cases_and_any_order_gives_the_same() {
        Random random = new Random(SEED);
        List<IntegrationEvent> events = generate(random, 300);
        List<CaseFile> cases = CaseFile.fold(events);
        int plans = 0;
        for (String la : scopes()) {
            for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                LocalDate from = m.atDay(1);
                LocalDate to = m.atEndOfMonth();
                int counted = checkPeriod(events, cases, la, from, to);
                plans += la == null ? 0 : counted;
                var rolling = BoardMeasures.twentyWeeks(la, m.minusMonths(11).atDay(1), to, cases);
                check(rolling.excludingExceptions(), oracleTwentyWeeks(events, la, m.minusMonths(11).atDay(1), to, true),
                        la + " rolling to " + m);
            }
        }
        // the generator must have exercised the measures, not compared empty sets
        assertThat(plans).isGreaterThan(150);
        // and produced re-assessments that would count if they were initial requests
        assertThat(cases.stream().filter(c -> c.progress().reassessment() && c.progress().finalPlanIssuedDate() != null))
                .hasSizeGreaterThan(5);
        assertThat(cases.stream().filter(c -> c.progress().reassessment() && c.progress().closedDate() == null))
                .isNotEmpty();
        // re-assessments' plans on both sides of day 98, some with a 14-week exception
        var re = BoardMeasures.reassessments(null, LocalDate.parse("2023-01-01"), END, cases);
        assertThat(re.includingExceptions().issuedWithin14Weeks()).isGreaterThan(2);
        assertThat(re.includingExceptions().plansIssued() - re.includingExceptions().issuedWithin14Weeks()).isGreaterThan(2);
        assertThat(re.excludingExceptions().plansIssued()).isLessThan(re.includingExceptions().plansIssued());
        // reuses of existing advice recorded, some for an agency with no advice returned that month
        assertThat(BoardMeasures.adviceByAgency(null, LocalDate.parse("2023-01-01"), END, cases).stream()
                .mapToInt(BoardMeasures.AdviceFigures::reused).sum()).isGreaterThan(10);
        // every stage of where time is lost was measured somewhere
        var lost = BoardMeasures.timeLost(null, LocalDate.parse("2023-01-01"), END, cases);
        assertThat(lost.stages()).allSatisfy(st -> assertThat(st.plans()).isGreaterThan(5));

        // replay in other orders: the identical report, for each council and for all of them
        LocalDate from = LocalDate.parse("2024-01-01");
        LocalDate to = LocalDate.parse("2024-12-31");
        Map<String, BoardReport> expected = new HashMap<>();
        for (String la : List.of("901", "902", "903", BoardReport.ALL)) {
            expected.put(la, BoardReport.of(la, from, to, TrendStep.MONTH, null, cases));
        }
        List<IntegrationEvent> shuffled = new ArrayList<>(events);
        for (int i = 0; i < 3; i++) {
            Collections.shuffle(shuffled, random);
            List<CaseFile> replayed = CaseFile.fold(shuffled);
            for (var e : expected.entrySet()) {
                assertThat(BoardReport.of(e.getKey(), from, to, TrendStep.MONTH, null, replayed)).isEqualTo(e.getValue());
            }
        }
    }

    /**
     * The months of the report (each month's plans both ways, its rolling 12 months both ways, its decisions and
     * no-plan decisions) for every council and all together, against the oracle month by month.
     */
    @Test
    void months_and_rolling_12_months_agree_with_the_oracle() {
        List<IntegrationEvent> events = generate(new Random(SEED + 2), 300);
        List<CaseFile> cases = CaseFile.fold(events);
        int rollingPlans = 0;
        for (String la : scopes()) {
            var months = BoardMeasures.months(la, LocalDate.parse("2023-03-15"), LocalDate.parse("2025-12-10"), cases);
            assertThat(months).extracting(BoardMeasures.Month::month).as("whole months touching the period")
                    .first().isEqualTo(YearMonth.of(2023, 3));
            assertThat(months).hasSize(34);
            for (var month : months) {
                YearMonth m = month.month();
                LocalDate first = m.atDay(1);
                LocalDate last = m.atEndOfMonth();
                // the rolling 12 months: the first day 11 months before this month's first, to its last day
                LocalDate yearAgo = first.minusMonths(11);
                String what = la + " " + m;
                check(month.plans().includingExceptions(), oracleTwentyWeeks(events, la, first, last, false), what + " incl");
                check(month.plans().excludingExceptions(), oracleTwentyWeeks(events, la, first, last, true), what + " excl");
                check(month.rolling12Months().includingExceptions(), oracleTwentyWeeks(events, la, yearAgo, last, false),
                        what + " rolling incl");
                check(month.rolling12Months().excludingExceptions(), oracleTwentyWeeks(events, la, yearAgo, last, true),
                        what + " rolling excl");
                int[] dec = oracleDecisions(events, la, first, last);
                assertThat(new int[] {month.decisions().decided(), month.decisions().within6Weeks()}).as(what + " decisions")
                        .isEqualTo(dec);
                check(month.reassessments().includingExceptions(), oracleReassessments(events, la, first, last, false),
                        what + " re-assessments incl");
                check(month.reassessments().excludingExceptions(), oracleReassessments(events, la, first, last, true),
                        what + " re-assessments excl");
                int[] np = oracleNoPlan(events, la, first, last);
                assertThat(new int[] {month.noPlanDecisions().decided(), month.noPlanDecisions().within16Weeks()})
                        .as(what + " no plan").isEqualTo(np);
                rollingPlans += month.rolling12Months().includingExceptions().plansIssued();
            }
        }
        assertThat(rollingPlans).isGreaterThan(1000);
    }

    /** Backlog and EP backlog trends by week: every Sunday in the period and its last day, against the oracle. */
    @Test
    void weekly_trends_agree_with_the_oracle() {
        List<IntegrationEvent> events = generate(new Random(SEED + 3), 300);
        List<CaseFile> cases = CaseFile.fold(events);
        LocalDate from = LocalDate.parse("2024-10-02");
        LocalDate to = LocalDate.parse("2025-01-14");
        List<LocalDate> points = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                points.add(d);
            }
        }
        points.add(to);
        assertThat(points).hasSize(16);
        for (String la : scopes()) {
            var trend = BoardMeasures.backlogTrend(la, from, to, TrendStep.WEEK, cases);
            var epTrend = BoardMeasures.epTrend(la, from, to, TrendStep.WEEK, cases);
            assertThat(trend).extracting(BoardMeasures.Backlog::asOf).containsExactlyElementsOf(points);
            assertThat(epTrend).extracting(BoardMeasures.EpBacklog::asOf).containsExactlyElementsOf(points);
            for (int i = 0; i < points.size(); i++) {
                List<Long> open = oracleBacklog(events, la, points.get(i));
                assertThat(trend.get(i).open()).as(la + " open " + points.get(i)).isEqualTo(open.size());
                assertThat(trend.get(i).medianWeeksOpen()).isEqualTo(median(open));
                int[] ep = oracleEpBacklog(events, la, points.get(i));
                assertThat(new int[] {epTrend.get(i).open(), epTrend.get(i).overdue()}).as(la + " EP " + points.get(i))
                        .isEqualTo(ep);
            }
        }
    }

    /** Ranks on the three headline measures, for each council and year, from the oracle's own figures. */
    @Test
    void ranks_agree_with_the_oracle() {
        List<IntegrationEvent> events = generate(new Random(SEED + 4), 300);
        List<CaseFile> cases = CaseFile.fold(events);
        for (int year = 2023; year <= 2025; year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            Map<String, BigDecimal> twenty = new TreeMap<>();
            Map<String, BigDecimal> decisions = new TreeMap<>();
            Map<String, BigDecimal> open = new TreeMap<>();
            for (String la : COUNCILS) {
                Raw excl = oracleTwentyWeeks(events, la, from, to, true);
                twenty.put(la, ratio(100L * excl.within(), excl.days().size()));
                int[] dec = oracleDecisions(events, la, from, to);
                decisions.put(la, ratio(100L * dec[1], dec[0]));
                open.put(la, median(oracleBacklog(events, la, to)));
            }
            for (String la : COUNCILS) {
                var ranks = BoardReport.ranks(la, from, to, cases);
                assertThat(ranks.percentWithin20WeeksExcludingExceptions()).as(la + " " + year + " 20 weeks")
                        .isEqualTo(new BoardReport.Rank(oracleRank(twenty, la, true),
                                (int) twenty.values().stream().filter(java.util.Objects::nonNull).count()));
                assertThat(ranks.percentDecisionsWithin6Weeks()).as(la + " " + year + " decisions")
                        .isEqualTo(new BoardReport.Rank(oracleRank(decisions, la, true),
                                (int) decisions.values().stream().filter(java.util.Objects::nonNull).count()));
                assertThat(ranks.medianWeeksOpen()).as(la + " " + year + " open")
                        .isEqualTo(new BoardReport.Rank(oracleRank(open, la, false),
                                (int) open.values().stream().filter(java.util.Objects::nonNull).count()));
            }
        }
    }

    /**
     * Annual reviews of the generated plans (meetings early and late, decisions in and after 4 weeks, amendments,
     * phase transfers, ceased plans, new plans after a cessation) for every council and all, by quarter and by year,
     * against the oracle; and every other measure of those events against its oracle (a later plan of a case is in
     * none of them).
     */
    @Test
    void annual_reviews_agree_with_the_oracle() {
        List<IntegrationEvent> events = withReviews(new Random(SEED + 5), generate(new Random(SEED + 5), 400));
        List<CaseFile> cases = CaseFile.fold(events);
        // the generator made new plans after cessations, with reviews due, phase transfers and cessations of their own
        List<CaseFile.Plan> laterPlans = cases.stream().flatMap(c -> c.plans().stream().skip(1)).toList();
        assertThat(laterPlans).hasSizeGreaterThan(5);
        assertThat(laterPlans.stream().filter(p -> p.issued() != null && !p.issued().isAfter(END))).hasSizeGreaterThan(5);
        assertThat(laterPlans.stream().mapToLong(p -> p.reviewsDue().size()).sum()).isGreaterThan(3);
        assertThat(laterPlans.stream().filter(p -> p.ceased() != null)).isNotEmpty();
        // phase transfers of later plans in the periods compared, after the case's first plan ceased
        assertThat(laterPlans.stream().flatMap(p -> p.reviews().stream()).filter(v -> v.phaseTransferDeadline() != null
                && !v.phaseTransferDeadline().isBefore(LocalDate.of(2024, 1, 1)) && !v.phaseTransferDeadline().isAfter(END)))
                .hasSizeGreaterThan(1);
        int due = 0;
        int transfers = 0;
        for (String la : scopes()) {
            for (int year = 2024; year <= 2025; year++) {
                List<LocalDate[]> periods = new ArrayList<>();
                periods.add(new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)});
                for (int q = 0; q < 4; q++) {
                    LocalDate first = LocalDate.of(year, 1 + 3 * q, 1);
                    periods.add(new LocalDate[] {first, first.plusMonths(3).minusDays(1)});
                }
                for (LocalDate[] p : periods) {
                    var a = BoardMeasures.annualReviews(la, p[0], p[1], cases);
                    List<Object> actual = List.of(a.reviewsDue(), a.dueHeldOnTime(), String.valueOf(a.percentDueHeldOnTime()),
                            a.meetingsHeld(), a.decided(), a.decidedWithin4Weeks(),
                            String.valueOf(a.percentDecidedWithin4Weeks()), a.amendmentsIssued(), a.amendmentsWithinDue(),
                            String.valueOf(a.percentAmendmentsWithinDue()), a.phaseTransfersDue(),
                            a.phaseTransfersAmendedByDeadline(), String.valueOf(a.percentPhaseTransfersAmendedByDeadline()),
                            a.ceasedByReason(), a.plansInForce());
                    assertThat(actual).as(la + " annual reviews " + p[0] + ".." + p[1])
                            .isEqualTo(oracleAnnualReviews(events, la, p[0], p[1]));
                    if (la != null && p[1].getMonthValue() == 12 && p[0].getMonthValue() == 1) {
                        due += a.reviewsDue();
                        transfers += a.phaseTransfersDue();
                    }
                }
            }
        }
        assertThat(due).isGreaterThan(100);
        assertThat(transfers).isGreaterThan(10);
        // every other measure: the later plans change none of them
        for (String la : scopes()) {
            for (int year = 2023; year <= 2025; year++) {
                checkPeriod(events, cases, la, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
        }
        // any arrival order: the same annual review figures
        List<IntegrationEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(SEED));
        List<CaseFile> replayed = CaseFile.fold(shuffled);
        for (String la : scopes()) {
            assertThat(BoardMeasures.annualReviews(la, LocalDate.of(2024, 1, 1), END, replayed))
                    .isEqualTo(BoardMeasures.annualReviews(la, LocalDate.of(2024, 1, 1), END, cases));
        }
    }

    /**
     * As known on: every event gets a recording day (most on the day, one in four up to 90 days late, never before
     * the case's request, which a command service needs first); the figures from the events recorded by the end of
     * each quarter must match the oracle over those events alone, and late recording must have changed some. The
     * selection by recording time itself is SQL ({@code CaseTimelineStore.recordedBy}, BoardResourceTest).
     */
    @Test
    void figures_as_known_on_a_day_agree_with_the_oracle_over_the_events_recorded_by_then() {
        Random random = new Random(SEED + 6);
        List<IntegrationEvent> events = generate(random, 300);
        Map<UUID, LocalDate> recorded = new HashMap<>();
        for (UUID id : events.stream().map(IntegrationEvent::caseId).distinct().toList()) {
            List<IntegrationEvent> ev = ofCase(events, id);
            LocalDate request = ev.stream().filter(e -> e instanceof AssessmentRequested).findFirst().orElseThrow().businessDate();
            LocalDate requestRecorded = request.plusDays(random.nextInt(4) == 0 ? between(random, 1, 90) : 0);
            for (IntegrationEvent e : ev) {
                LocalDate d = e instanceof AssessmentRequested ? requestRecorded
                        : e.businessDate().plusDays(random.nextInt(4) == 0 ? between(random, 1, 90) : 0);
                recorded.put(e.eventId(), d.isBefore(requestRecorded) ? requestRecorded : d);
            }
        }
        List<CaseFile> everything = CaseFile.fold(events);
        int changed = 0;
        for (YearMonth q = YearMonth.of(2023, 3); !q.isAfter(YearMonth.of(2025, 12)); q = q.plusMonths(3)) {
            LocalDate knownOn = q.atEndOfMonth();
            LocalDate from = q.minusMonths(2).atDay(1);
            List<IntegrationEvent> known = events.stream().filter(e -> !recorded.get(e.eventId()).isAfter(knownOn)).toList();
            List<CaseFile> cases = CaseFile.fold(known);
            for (String la : scopes()) {
                checkPeriod(known, cases, la, from, knownOn);
            }
            if (!BoardReport.of(BoardReport.ALL, from, knownOn, TrendStep.MONTH, null, cases)
                    .equals(BoardReport.of(BoardReport.ALL, from, knownOn, TrendStep.MONTH, null, everything))) {
                changed++;
            }
        }
        assertThat(changed).as("quarters whose figures late recording changed").isGreaterThan(5);
    }

    @Test
    void the_case_progress_rows_give_the_oracle_20_week_figures_too() {
        List<IntegrationEvent> events = generate(new Random(SEED + 1), 300);
        List<CaseProgress> rows = CaseFile.fold(events).stream().map(CaseFile::progress).toList();
        for (String la : COUNCILS) {
            for (int year = 2023; year <= 2025; year++) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = LocalDate.of(year, 12, 31);
                var f = TimelinessFigures.compute(la, from, to, rows);
                Raw incl = oracleTwentyWeeks(events, la, from, to, false);
                Raw excl = oracleTwentyWeeks(events, la, from, to, true);
                assertThat(f.allPlans().plansIssued()).isEqualTo(incl.days().size());
                assertThat(f.allPlans().issuedWithin20Weeks()).isEqualTo(incl.within());
                assertThat(f.excludingExceptions().plansIssued()).isEqualTo(excl.days().size());
                assertThat(f.excludingExceptions().averageWeeksToIssue()).isEqualTo(ratio(sum(excl.days()), 7L * excl.days().size()));
            }
        }
    }
}
