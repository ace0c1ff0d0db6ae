package org.ehcptracker.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given a plan in force (its stream {@link PlanLife} and its {@code plan_in_force} row), when a quality audit
 * ({@link QualityAuditDecider}) with the default criteria of application.properties, then the event with its worked
 * score and grade, or the rejection naming the field.
 *
 * <p>Default weights: CHILD_VIEWS_AND_ASPIRATIONS 2, SMART_OUTCOMES 3, PROVISION_SPECIFIC_AND_QUANTIFIED 3,
 * ASPIRATIONS_TO_PROVISION_THREAD 2, HEALTH_AND_SOCIAL_CARE 1, PREPARATION_FOR_ADULTHOOD 1 (optional), KEPT_CURRENT 1;
 * every range 1-10; bands OUTSTANDING 90+, GOOD 70+, REQUIRES_IMPROVEMENT 50+, else INADEQUATE.
 */
class PlanQualityAuditTest {

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final UUID PLAN = UUID.fromString("03aa49de-d340-46b2-b950-1502dffa5160");
    static final LocalDate ISSUED = LocalDate.of(2025, 7, 18);
    static final LocalDate AUDITED = LocalDate.of(2026, 10, 14);
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Optional<PlanInForce> IN_FORCE = Optional.of(new PlanInForce(PLAN, CASE, "839", ISSUED, null, null,
            null));

    static final QualityCriteria DEFAULTS = new QualityCriteria(List.of(
            new QualityCriteria.Criterion("CHILD_VIEWS_AND_ASPIRATIONS", 2, 1, 10, false),
            new QualityCriteria.Criterion("SMART_OUTCOMES", 3, 1, 10, false),
            new QualityCriteria.Criterion("PROVISION_SPECIFIC_AND_QUANTIFIED", 3, 1, 10, false),
            new QualityCriteria.Criterion("ASPIRATIONS_TO_PROVISION_THREAD", 2, 1, 10, false),
            new QualityCriteria.Criterion("HEALTH_AND_SOCIAL_CARE", 1, 1, 10, false),
            new QualityCriteria.Criterion("PREPARATION_FOR_ADULTHOOD", 1, 1, 10, true),
            new QualityCriteria.Criterion("KEPT_CURRENT", 1, 1, 10, false)), 90, 70, 50);

    final DecisionContext ctx = new DecisionContext(TODAY, NOW, EventIds.sequence());

    static UUID id(long n) {
        return new UUID(0, n);
    }

    /** Scores in the configured order; null leaves a criterion out. */
    static Map<String, Integer> scores(Integer views, Integer smart, Integer provision, Integer thread, Integer health,
                                       Integer adulthood, Integer current) {
        Map<String, Integer> m = new LinkedHashMap<>();
        Integer[] values = {views, smart, provision, thread, health, adulthood, current};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put(DEFAULTS.criteria().get(i).code(), values[i]);
            }
        }
        return m;
    }

    List<PlanEvent> audit(Map<String, Integer> scores, QualityGrade grade) {
        return QualityAuditDecider.decide(new AuditPlanQuality(PLAN, AUDITED, scores, grade, "notes stay here"),
                PlanLife.MAINTAINED, IN_FORCE, DEFAULTS, ctx);
    }

    static void assertRejected(Runnable command, CommandRejected.Kind kind, String field, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Nested
    class Scoring {

        @Test
        void the_weighted_score_without_preparation_for_adulthood_is_72_good() {
            // 8*2 + 7*3 + 7*3 + 7*2 + 8*1 + 6*1 = 16+21+21+14+8+6 = 86 over weights 2+3+3+2+1+1 = 12 (PfA left out):
            // 100 * 86 / (12 * 10) = 71.67, rounded 72: GOOD (70-89). The grade is left out, so the band's.
            assertThat(audit(scores(8, 7, 7, 7, 8, null, 6), null)).containsExactly(new PlanQualityAudited(id(1), CASE,
                    "839", AUDITED, NOW, 1, PLAN, QualityGrade.GOOD, 72, List.of(
                    new CriterionScore("CHILD_VIEWS_AND_ASPIRATIONS", 8), new CriterionScore("SMART_OUTCOMES", 7),
                    new CriterionScore("PROVISION_SPECIFIC_AND_QUANTIFIED", 7),
                    new CriterionScore("ASPIRATIONS_TO_PROVISION_THREAD", 7),
                    new CriterionScore("HEALTH_AND_SOCIAL_CARE", 8), new CriterionScore("KEPT_CURRENT", 6))));
        }

        @Test
        void preparation_for_adulthood_scored_counts_with_its_weight() {
            // same scores plus PfA 2: 86 + 2*1 = 88 over 13 weights: 100 * 88 / 130 = 67.69, rounded 68:
            // REQUIRES_IMPROVEMENT (50-69); a weak PfA section pulls the plan below GOOD
            var event = (PlanQualityAudited) audit(scores(8, 7, 7, 7, 8, 2, 6), null).get(0);
            assertThat(event.score()).isEqualTo(68);
            assertThat(event.grade()).isEqualTo(QualityGrade.REQUIRES_IMPROVEMENT);
            assertThat(event.criteria()).hasSize(7);
        }

        @Test
        void band_edges_93_outstanding_89_good_50_requires_improvement_49_inadequate() {
            // all 9 and SMART 10, PfA out: 2*9 + 3*10 + 3*9 + 2*9 + 9 + 9 = 111 over 12: 100 * 111 / 120 = 92.5 -> 93
            assertThat(((PlanQualityAudited) audit(scores(9, 10, 9, 9, 9, null, 9), null).get(0)).grade())
                    .isEqualTo(QualityGrade.OUTSTANDING);
            // 2*9 + 3*9 + 3*9 + 2*9 + 9 + 9 + 8 (PfA) = 116 over 13: 100 * 116 / 130 = 89.23 -> 89: GOOD, one short
            var justGood = (PlanQualityAudited) audit(scores(9, 9, 9, 9, 9, 8, 9), null).get(0);
            assertThat(justGood.score()).isEqualTo(89);
            assertThat(justGood.grade()).isEqualTo(QualityGrade.GOOD);
            // 2*5 + 3*5 + 3*5 + 2*5 + 5 + 4 = 59 over 12: 100 * 59 / 120 = 49.17 -> 49: INADEQUATE
            var inadequate = (PlanQualityAudited) audit(scores(5, 5, 5, 5, 5, null, 4), null).get(0);
            assertThat(inadequate.score()).isEqualTo(49);
            assertThat(inadequate.grade()).isEqualTo(QualityGrade.INADEQUATE);
            // 2*5 + 3*5 + 3*5 + 2*5 + 5 + 5 = 60 over 12: exactly 50: REQUIRES_IMPROVEMENT
            var requiresImprovement = (PlanQualityAudited) audit(scores(5, 5, 5, 5, 5, null, 5), null).get(0);
            assertThat(requiresImprovement.score()).isEqualTo(50);
            assertThat(requiresImprovement.grade()).isEqualTo(QualityGrade.REQUIRES_IMPROVEMENT);
        }

        @Test
        void half_a_point_rounds_up() {
            // a range 0-4 criterion weight 1 alone: score 1 is 100 * 1 / 4 = 25; with a second 1-10 criterion
            // weight 1 scored 4: (1/4 + 4/10) * 100 / 2 = (25 + 40) / 2 = 32.5 -> 33
            var criteria = new QualityCriteria(List.of(new QualityCriteria.Criterion("A", 1, 0, 4, false),
                    new QualityCriteria.Criterion("B", 1, 1, 10, false)), 90, 70, 50);
            assertThat(criteria.overall(criteria.check(Map.of("A", 1, "B", 4)))).isEqualTo(33);
        }
    }

    @Nested
    class Grade {

        @Test
        void given_as_the_bands_grade_is_accepted() {
            assertThat(((PlanQualityAudited) audit(scores(8, 7, 7, 7, 8, null, 6), QualityGrade.GOOD).get(0)).grade())
                    .isEqualTo(QualityGrade.GOOD);
        }

        @Test
        void given_lower_than_the_band_is_the_auditors_limiting_judgement() {
            // 72 is GOOD; the auditor grades it INADEQUATE (e.g. no thread from needs to provision)
            var event = (PlanQualityAudited) audit(scores(8, 7, 7, 7, 8, null, 6), QualityGrade.INADEQUATE).get(0);
            assertThat(event.grade()).isEqualTo(QualityGrade.INADEQUATE);
            assertThat(event.score()).isEqualTo(72);
        }

        @Test
        void given_higher_than_the_band_is_unprocessable_on_grade() {
            assertRejected(() -> audit(scores(8, 7, 7, 7, 8, null, 6), QualityGrade.OUTSTANDING),
                    CommandRejected.Kind.UNPROCESSABLE, "grade", "72 is GOOD");
        }
    }

    @Nested
    class Refused {

        @Test
        void a_score_outside_its_range_names_the_criterion() {
            assertRejected(() -> audit(scores(8, 11, 7, 7, 8, null, 6), null), CommandRejected.Kind.UNPROCESSABLE,
                    "scores.SMART_OUTCOMES", "outside its range 1-10");
            assertRejected(() -> audit(scores(0, 7, 7, 7, 8, null, 6), null), CommandRejected.Kind.UNPROCESSABLE,
                    "scores.CHILD_VIEWS_AND_ASPIRATIONS", "outside its range 1-10");
        }

        @Test
        void a_required_criterion_missing_or_an_unknown_one_names_it() {
            assertRejected(() -> audit(scores(8, 7, null, 7, 8, null, 6), null), CommandRejected.Kind.UNPROCESSABLE,
                    "scores.PROVISION_SPECIFIC_AND_QUANTIFIED", "must be scored");
            Map<String, Integer> unknown = scores(8, 7, 7, 7, 8, null, 6);
            unknown.put("FONT_SIZE", 5);
            assertRejected(() -> audit(unknown, null), CommandRejected.Kind.UNPROCESSABLE, "scores.FONT_SIZE",
                    "no plan quality criterion FONT_SIZE");
        }

        @Test
        void no_scores_is_invalid() {
            assertRejected(() -> audit(Map.of(), null), CommandRejected.Kind.INVALID, "scores", "scores is required");
        }

        @Test
        void a_ceased_plan_is_unprocessable_naming_the_plan() {
            var ceased = PlanLife.TYPE.rebuild(List.of(new PlanCeased(id(9), CASE, "839", LocalDate.of(2026, 9, 30),
                    NOW, 1, PLAN, CeaseReason.AGE_25)));
            assertRejected(() -> QualityAuditDecider.decide(new AuditPlanQuality(PLAN, AUDITED,
                            scores(8, 7, 7, 7, 8, null, 6), null, null), ceased, IN_FORCE, DEFAULTS, ctx),
                    CommandRejected.Kind.UNPROCESSABLE, "planId", "ceased on 2026-09-30");
        }

        @Test
        void an_unknown_plan_is_not_found() {
            assertRejected(() -> QualityAuditDecider.decide(new AuditPlanQuality(PLAN, AUDITED,
                            scores(8, 7, 7, 7, 8, null, 6), null, null), PlanLife.MAINTAINED, Optional.empty(),
                    DEFAULTS, ctx), CommandRejected.Kind.NOT_FOUND, null, "no plan in force");
        }

        @Test
        void an_audit_before_the_issue_or_in_the_future_is_unprocessable_on_audit_date() {
            // issued 18 July 2025: 17 July is before it; today is 1 December 2026: 2 December is in the future
            for (LocalDate bad : List.of(LocalDate.of(2025, 7, 17), LocalDate.of(2026, 12, 2))) {
                assertRejected(() -> QualityAuditDecider.decide(new AuditPlanQuality(PLAN, bad,
                                scores(8, 7, 7, 7, 8, null, 6), null, null), PlanLife.MAINTAINED, IN_FORCE, DEFAULTS,
                        ctx), CommandRejected.Kind.UNPROCESSABLE, "auditDate", "auditDate " + bad);
            }
        }

        @Test
        void notes_with_a_nul_are_invalid() {
            assertRejected(() -> QualityAuditDecider.decide(new AuditPlanQuality(PLAN, AUDITED,
                            scores(8, 7, 7, 7, 8, null, 6), null, "a\u0000b"), PlanLife.MAINTAINED, IN_FORCE, DEFAULTS,
                    ctx), CommandRejected.Kind.INVALID, "notes", "control character");
        }
    }

    @Test
    void audits_do_not_change_the_plans_life_and_a_re_audit_is_decided_alike() {
        var first = audit(scores(5, 5, 5, 5, 5, null, 4), null);
        var life = PlanLife.TYPE.rebuild(first);
        assertThat(life).isEqualTo(PlanLife.MAINTAINED);
        var again = QualityAuditDecider.decide(new AuditPlanQuality(PLAN, TODAY, scores(8, 7, 7, 7, 8, null, 6), null,
                null), life, IN_FORCE, DEFAULTS, ctx);
        assertThat(((PlanQualityAudited) again.get(0)).grade()).isEqualTo(QualityGrade.GOOD);
        assertThat(again.get(0).eventId()).isEqualTo(id(2));
    }
}
