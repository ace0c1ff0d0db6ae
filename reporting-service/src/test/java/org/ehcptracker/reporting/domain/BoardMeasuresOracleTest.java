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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
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
import org.ehcptracker.contracts.plan.FinalPlanIssued;
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

    // ---- the oracle: plain loops over the raw events ------------------------------------------------

    record Raw(List<Long> days, int within) {
    }

    static List<IntegrationEvent> ofCase(List<IntegrationEvent> all, UUID id) {
        return all.stream().filter(e -> e.caseId().equals(id)).toList();
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
            FinalPlanIssued plan = (FinalPlanIssued) ev.stream().filter(e -> e instanceof FinalPlanIssued).findFirst().orElse(null);
            if (plan == null || reassessment(ev) || plan.businessDate().isBefore(from) || plan.businessDate().isAfter(to)
                    || !la.equals(councilOn(ev, plan.businessDate()))) {
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
            if (closed || refused || !la.equals(councilOn(ev, d))) {
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
            if (first == null || reassessment(ev) || first.isBefore(from) || first.isAfter(to) || !la.equals(councilOn(ev, first))) {
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
    static Map<String, long[]> oracleAdvice(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
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
                    || returned.isAfter(to) || !la.equals(q.localAuthorityCode())) {
                return;
            }
            long[] g = out.computeIfAbsent(q.agencyId(), k -> new long[3]);
            long days = ChronoUnit.DAYS.between(q.businessDate(), returned);
            g[0]++;
            g[1] += days <= 42 ? 1 : 0;
            g[2] += days;
        });
        return out;
    }

    static int[] oracleEpBacklog(List<IntegrationEvent> all, String la, LocalDate d) {
        int open = 0;
        int overdue = 0;
        for (IntegrationEvent e : all) {
            if (!(e instanceof AdviceRequested q) || q.adviceType() != AdviceType.EDUCATIONAL_PSYCHOLOGY
                    || q.businessDate().isAfter(d) || !la.equals(q.localAuthorityCode())) {
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
                if (!reassessment(ev) && la.equals(councilOn(ev, k.businessDate()))) {
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
            if (e instanceof MediationOrTribunalRecorded m && la.equals(m.localAuthorityCode())
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
            if (reassessment(ev) || !la.equals(councilOn(ev, plan.businessDate()))) {
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

    // ---- the checks ---------------------------------------------------------------------------------

    static void check(BoardMeasures.TwentyWeeks m, Raw raw, String what) {
        assertThat(m.plansIssued()).as(what + " plans").isEqualTo(raw.days().size());
        assertThat(m.issuedWithin20Weeks()).as(what + " within").isEqualTo(raw.within());
        assertThat(m.percentWithin20Weeks()).as(what + " percent").isEqualTo(ratio(100L * raw.within(), raw.days().size()));
        assertThat(m.averageWeeksToIssue()).as(what + " average").isEqualTo(ratio(sum(raw.days()), 7L * raw.days().size()));
        assertThat(m.medianWeeksToIssue()).as(what + " median").isEqualTo(median(raw.days()));
    }

    @Test
    void every_measure_agrees_with_the_oracle_on_300_generated_cases_and_any_order_gives_the_same() {
        Random random = new Random(SEED);
        List<IntegrationEvent> events = generate(random, 300);
        List<CaseFile> cases = CaseFile.fold(events);
        int plans = 0;
        for (String la : COUNCILS) {
            for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
                LocalDate from = m.atDay(1);
                LocalDate to = m.atEndOfMonth();
                var tw = BoardMeasures.twentyWeeks(la, from, to, cases);
                check(tw.includingExceptions(), oracleTwentyWeeks(events, la, from, to, false), la + " " + m + " including");
                check(tw.excludingExceptions(), oracleTwentyWeeks(events, la, from, to, true), la + " " + m + " excluding");
                plans += tw.includingExceptions().plansIssued();
                var rolling = BoardMeasures.twentyWeeks(la, m.minusMonths(11).atDay(1), to, cases);
                check(rolling.excludingExceptions(), oracleTwentyWeeks(events, la, m.minusMonths(11).atDay(1), to, true),
                        la + " rolling to " + m);

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
                assertThat(new int[] {decisions.decided(), decisions.within6Weeks()}).as(la + " decisions " + m).isEqualTo(dec);

                Map<String, long[]> advice = oracleAdvice(events, la, from, to);
                var byAgency = BoardMeasures.advice(la, from, to, cases, CaseFile.AdviceRequest::agencyId);
                assertThat(byAgency).extracting(BoardMeasures.AdviceFigures::key).containsExactlyElementsOf(advice.keySet());
                for (var a : byAgency) {
                    long[] g = advice.get(a.key());
                    assertThat(new long[] {a.returned(), a.within6Weeks()}).as(la + " advice " + a.key() + " " + m)
                            .isEqualTo(new long[] {g[0], g[1]});
                    assertThat(a.averageDays()).isEqualTo(ratio(g[2], g[0]));
                }

                int[] noPlan = oracleNoPlan(events, la, from, to);
                var np = BoardMeasures.noPlanDecisions(la, from, to, cases);
                assertThat(new int[] {np.decided(), np.within16Weeks()}).as(la + " no plan " + m).isEqualTo(noPlan);

                Map<String, Integer> disputes = new TreeMap<>();
                BoardMeasures.disputes(la, from, to, cases).forEach(d -> disputes.put(d.stage() + "/" + d.kind(), d.registered()));
                assertThat(disputes).as(la + " disputes " + m).isEqualTo(oracleDisputes(events, la, from, to));

                int[] late = new int[1];
                List<Long> decisionDays = oracleLateDecisionDays(events, la, from, to, late);
                var lost = BoardMeasures.timeLost(la, from, to, cases);
                assertThat(lost.latePlans()).as(la + " late plans " + m).isEqualTo(late[0]);
                var decisionStage = lost.stages().get(0);
                assertThat(decisionStage.plans()).isEqualTo(decisionDays.size());
                assertThat(decisionStage.medianDays()).isEqualTo(decisionDays.isEmpty() ? null : medianDays(decisionDays));
                assertThat(decisionStage.crossedDeadline()).isEqualTo(decisionDays.stream().filter(d -> d > 42).count());

                int[] ep = oracleEpBacklog(events, la, to);
                var epBacklog = BoardMeasures.epBacklog(la, to, cases);
                assertThat(new int[] {epBacklog.open(), epBacklog.overdue()}).as(la + " EP " + to).isEqualTo(ep);
            }
        }
        // the generator must have exercised the measures, not compared empty sets
        assertThat(plans).isGreaterThan(150);
        // and produced re-assessments that would count if they were initial requests
        assertThat(cases.stream().filter(c -> c.progress().reassessment() && c.progress().finalPlanIssuedDate() != null))
                .hasSizeGreaterThan(5);
        assertThat(cases.stream().filter(c -> c.progress().reassessment() && c.progress().closedDate() == null))
                .isNotEmpty();

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
