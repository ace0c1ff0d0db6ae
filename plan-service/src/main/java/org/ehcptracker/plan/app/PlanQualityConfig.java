package org.ehcptracker.plan.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ehcptracker.plan.domain.QualityCriteria;

/**
 * Plan quality audit criteria, weights, ranges and grade bands ({@code ehcp.plan-quality.*}; defaults in
 * application.properties, from DOMAIN.md; docs/plan-service.md explains the weighting), and a council's own set
 * ({@code ehcp.plan-quality.councils.<la>.*}) where it has one.
 */
@ConfigMapping(prefix = "ehcp.plan-quality")
public interface PlanQualityConfig {

    /** The criteria, in the order audits list them. */
    List<Criterion> criteria();

    @WithDefault("90")
    int outstandingFrom();

    @WithDefault("70")
    int goodFrom();

    @WithDefault("50")
    int requiresImprovementFrom();

    /** Councils with their own criteria (replacing the defaults wholesale) and, optionally, their own bands. */
    Map<String, Council> councils();

    interface Council {
        List<Criterion> criteria();

        Optional<Integer> outstandingFrom();

        Optional<Integer> goodFrom();

        Optional<Integer> requiresImprovementFrom();
    }

    interface Criterion {
        String code();

        @WithDefault("1")
        int weight();

        @WithDefault("1")
        int min();

        @WithDefault("10")
        int max();

        /** May be left out of an audit (its weight then leaves the mean). */
        @WithDefault("false")
        boolean optional();
    }

    /** The default criteria and bands. */
    default QualityCriteria toCriteria() {
        return new QualityCriteria(criteria(criteria()), outstandingFrom(), goodFrom(), requiresImprovementFrom());
    }

    /** Council {@code la}'s criteria and bands: its own where configured, else the defaults. */
    default QualityCriteria toCriteria(String la) {
        Council own = councils().get(la);
        if (own == null) {
            return toCriteria();
        }
        return new QualityCriteria(criteria(own.criteria()), own.outstandingFrom().orElse(outstandingFrom()),
                own.goodFrom().orElse(goodFrom()), own.requiresImprovementFrom().orElse(requiresImprovementFrom()));
    }

    private static List<QualityCriteria.Criterion> criteria(List<Criterion> configured) {
        return configured.stream()
                .map(c -> new QualityCriteria.Criterion(c.code(), c.weight(), c.min(), c.max(), c.optional()))
                .toList();
    }
}
