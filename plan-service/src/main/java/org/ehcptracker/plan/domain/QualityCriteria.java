package org.ehcptracker.plan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The criteria a plan quality audit scores, their weights and ranges, and the score bands of the four grades (from
 * configuration, {@code ehcp.plan-quality}; defaults from DOMAIN.md).
 *
 * <p>The overall score is the weighted mean of each criterion's score as a share of its maximum, out of 100, rounded
 * half up: {@code round(100 * sum(weight * score / max) / sum(weight))}, the sums over the criteria scored. With every
 * criterion scored 1-10 it is the weighted mean score times ten, so a council's "9-10 is outstanding" is 90-100.
 * An optional criterion (preparation for adulthood, which applies from Year 9) may be left out; its weight then
 * leaves the sum instead of counting as a zero.
 *
 * @param outstandingFrom         the lowest overall score graded OUTSTANDING
 * @param goodFrom                the lowest graded GOOD
 * @param requiresImprovementFrom the lowest graded REQUIRES_IMPROVEMENT; below it INADEQUATE
 */
public record QualityCriteria(List<Criterion> criteria, int outstandingFrom, int goodFrom,
                              int requiresImprovementFrom) {

    /** One criterion: its code (published), weight (1 or more) and range of scores. */
    public record Criterion(String code, int weight, int min, int max, boolean optional) {

        public Criterion {
            Objects.requireNonNull(code, "code");
            if (!code.matches("[A-Z0-9_]{1,40}")) {
                throw new IllegalArgumentException("a criterion's code must be 1-40 capitals, digits or _: " + code);
            }
            if (weight < 1 || min < 0 || max <= min) {
                throw new IllegalArgumentException("criterion " + code + ": weight 1 or more and 0 <= min < max needed");
            }
        }
    }

    public QualityCriteria {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("at least one plan quality criterion is needed");
        }
        if (criteria.stream().map(Criterion::code).distinct().count() != criteria.size()) {
            throw new IllegalArgumentException("plan quality criteria codes must be distinct");
        }
        if (!(100 >= outstandingFrom && outstandingFrom > goodFrom && goodFrom > requiresImprovementFrom
                && requiresImprovementFrom > 0)) {
            throw new IllegalArgumentException("grade bands must satisfy 100 >= outstanding > good >"
                    + " requires improvement > 0");
        }
    }

    /**
     * The auditor's scores, checked against the criteria and put in their configured order. Refusals name the field
     * {@code scores.<CODE>} (422): an unknown criterion, a required one missing, a score out of its range.
     */
    public List<CriterionScore> check(Map<String, Integer> scores) {
        if (scores == null || scores.isEmpty()) {
            throw CommandRejected.invalid("scores", "scores is required: a score for each criterion");
        }
        for (String code : scores.keySet()) {
            if (criteria.stream().noneMatch(c -> c.code().equals(code))) {
                throw CommandRejected.unprocessable("scores." + code, "no plan quality criterion " + code
                        + "; the criteria are " + criteria.stream().map(Criterion::code).toList());
            }
        }
        List<CriterionScore> checked = new ArrayList<>();
        for (Criterion c : criteria) {
            Integer score = scores.get(c.code());
            if (score == null) {
                if (c.optional()) {
                    continue;
                }
                throw CommandRejected.unprocessable("scores." + c.code(), "criterion " + c.code()
                        + " must be scored (" + c.min() + "-" + c.max() + ")");
            }
            if (score < c.min() || score > c.max()) {
                throw CommandRejected.unprocessable("scores." + c.code(), "score " + score + " for " + c.code()
                        + " is outside its range " + c.min() + "-" + c.max());
            }
            checked.add(new CriterionScore(c.code(), score));
        }
        return checked;
    }

    /** The overall weighted score, 0-100, of scores already {@link #check checked}. */
    public int overall(List<CriterionScore> scores) {
        BigDecimal weighted = BigDecimal.ZERO;
        int weights = 0;
        for (CriterionScore s : scores) {
            Criterion c = criterion(s.criterion());
            // exact to 12 places, then one rounding at the end: no drift from rounding each term
            weighted = weighted.add(BigDecimal.valueOf((long) c.weight() * s.score())
                    .divide(BigDecimal.valueOf(c.max()), 12, RoundingMode.HALF_UP));
            weights += c.weight();
        }
        return weighted.multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(weights), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The grade of an overall score's band. */
    public QualityGrade gradeOf(int overall) {
        if (overall >= outstandingFrom) {
            return QualityGrade.OUTSTANDING;
        }
        if (overall >= goodFrom) {
            return QualityGrade.GOOD;
        }
        if (overall >= requiresImprovementFrom) {
            return QualityGrade.REQUIRES_IMPROVEMENT;
        }
        return QualityGrade.INADEQUATE;
    }

    private Criterion criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no criterion " + code));
    }
}
