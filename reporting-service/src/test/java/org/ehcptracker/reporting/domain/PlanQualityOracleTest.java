package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.junit.jupiter.api.Test;

/**
 * Plan quality against a deliberately plain second computation (the oracle) over 250 generated plans with 1-4
 * audits each (re-audits, same-day re-recordings, three councils), for every council and quarter of 2023-2025 and
 * all councils together; shuffled arrival gives the same figures.
 */
class PlanQualityOracleTest {

    static final long SEED = 20261128L;
    static final List<String> COUNCILS = List.of("901", "902", "903");
    static final List<String> CRITERIA = List.of("SMART_OUTCOMES", "PROVISION_SPECIFIC_AND_QUANTIFIED",
            "PREPARATION_FOR_ADULTHOOD");

    static List<IntegrationEvent> generate(Random r, int plans) {
        List<IntegrationEvent> events = new ArrayList<>();
        for (int p = 0; p < plans; p++) {
            UUID caseId = UUID.randomUUID();
            UUID planId = UUID.randomUUID();
            String la = COUNCILS.get(r.nextInt(COUNCILS.size()));
            LocalDate first = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(1000));
            int audits = 1 + r.nextInt(4);
            LocalDate date = first;
            for (int a = 0; a < audits; a++) {
                // a third of re-audits fall on the same day (recorded later that day)
                date = a == 0 || r.nextInt(3) == 0 ? date : date.plusDays(1 + r.nextInt(200));
                List<CriterionScore> scores = new ArrayList<>();
                for (String c : CRITERIA) {
                    if (!c.equals("PREPARATION_FOR_ADULTHOOD") || r.nextBoolean()) {
                        scores.add(new CriterionScore(c, 1 + r.nextInt(10)));
                    }
                }
                events.add(new PlanQualityAudited(UUID.randomUUID(), caseId, la, date,
                        date.atTime(8 + a, r.nextInt(60)).toInstant(ZoneOffset.UTC), 1, planId,
                        QualityGrade.values()[r.nextInt(4)], r.nextInt(101), scores));
            }
        }
        return events;
    }

    /** The oracle: the latest audit of each plan in the period, found by comparing every pair. */
    static List<PlanQualityAudited> latest(List<IntegrationEvent> all, String la, LocalDate from, LocalDate to) {
        List<PlanQualityAudited> inPeriod = new ArrayList<>();
        for (IntegrationEvent e : all) {
            PlanQualityAudited a = (PlanQualityAudited) e;
            if ((la == null || la.equals(a.localAuthorityCode())) && !a.businessDate().isBefore(from)
                    && !a.businessDate().isAfter(to)) {
                inPeriod.add(a);
            }
        }
        List<PlanQualityAudited> latest = new ArrayList<>();
        for (PlanQualityAudited a : inPeriod) {
            boolean newest = true;
            for (PlanQualityAudited b : inPeriod) {
                if (b != a && b.planId().equals(a.planId()) && (b.businessDate().isAfter(a.businessDate())
                        || b.businessDate().equals(a.businessDate()) && b.occurredAt().isAfter(a.occurredAt()))) {
                    newest = false;
                }
            }
            if (newest) {
                latest.add(a);
            }
        }
        return latest;
    }

    static BigDecimal oneDecimal(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static void check(BoardMeasures.PlanQuality q, List<IntegrationEvent> all, String la, LocalDate from,
                      LocalDate to) {
        String what = la + " " + from + ".." + to;
        long done = all.stream().map(e -> (PlanQualityAudited) e).filter(a -> (la == null
                || la.equals(a.localAuthorityCode())) && !a.businessDate().isBefore(from)
                && !a.businessDate().isAfter(to)).count();
        List<PlanQualityAudited> latest = latest(all, la, from, to);
        assertThat(q.auditsDone()).as(what + " audits").isEqualTo(done);
        assertThat(q.plansAudited()).as(what + " plans").isEqualTo(latest.size());
        for (int g = 0; g < 4; g++) {
            QualityGrade grade = QualityGrade.values()[g];
            long n = latest.stream().filter(a -> a.grade() == grade).count();
            assertThat(q.byGrade().get(g).key()).isEqualTo(grade.name());
            assertThat(q.byGrade().get(g).plans()).as(what + " " + grade).isEqualTo(n);
            assertThat(q.byGrade().get(g).percent()).as(what + " % " + grade).isEqualTo(oneDecimal(100 * n,
                    latest.size()));
        }
        long goodOrBetter = latest.stream().filter(a -> a.grade() == QualityGrade.GOOD
                || a.grade() == QualityGrade.OUTSTANDING).count();
        assertThat(q.plansGoodOrOutstanding()).as(what + " good or better").isEqualTo(goodOrBetter);
        assertThat(q.percentGoodOrOutstanding()).as(what + " % good or better")
                .isEqualTo(oneDecimal(100 * goodOrBetter, latest.size()));
        assertThat(q.averageScore()).as(what + " average").isEqualTo(oneDecimal(
                latest.stream().mapToLong(PlanQualityAudited::score).sum(), latest.size()));
        for (String c : CRITERIA) {
            List<Integer> scores = new ArrayList<>();
            latest.forEach(a -> a.criteria().stream().filter(s -> s.criterion().equals(c))
                    .forEach(s -> scores.add(s.score())));
            var measured = q.byCriterion().stream().filter(x -> x.key().equals(c)).findFirst();
            if (scores.isEmpty()) {
                assertThat(measured).as(what + " " + c).isEmpty();
            } else {
                assertThat(measured.orElseThrow().plans()).as(what + " " + c).isEqualTo(scores.size());
                assertThat(measured.orElseThrow().averageScore()).as(what + " average " + c).isEqualTo(oneDecimal(
                        scores.stream().mapToLong(Integer::longValue).sum(), scores.size()));
            }
        }
    }

    @Test
    void plan_quality_agrees_with_the_oracle_and_any_order_gives_the_same() {
        Random random = new Random(SEED);
        List<IntegrationEvent> events = generate(random, 250);
        List<CaseFile> cases = CaseFile.fold(events);
        int reAudited = 0;
        for (String la : new String[] {"901", "902", "903", null}) {
            for (YearMonth q = YearMonth.of(2023, 1); !q.isAfter(YearMonth.of(2025, 10)); q = q.plusMonths(3)) {
                LocalDate from = q.atDay(1);
                LocalDate to = q.plusMonths(2).atEndOfMonth();
                BoardMeasures.PlanQuality measured = BoardMeasures.planQuality(la, from, to, cases);
                check(measured, events, la, from, to);
                reAudited += measured.auditsDone() - measured.plansAudited();
            }
        }
        // the generator exercised re-audits within a period, not only one audit per plan
        assertThat(reAudited).isGreaterThan(50);

        LocalDate from = LocalDate.parse("2024-01-01");
        LocalDate to = LocalDate.parse("2024-12-31");
        BoardMeasures.PlanQuality expected = BoardMeasures.planQuality(null, from, to, cases);
        List<IntegrationEvent> shuffled = new ArrayList<>(events);
        for (int i = 0; i < 3; i++) {
            Collections.shuffle(shuffled, random);
            assertThat(BoardMeasures.planQuality(null, from, to, CaseFile.fold(shuffled))).isEqualTo(expected);
        }
    }
}
