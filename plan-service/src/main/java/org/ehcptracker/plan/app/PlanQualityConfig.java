package org.ehcptracker.plan.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import org.ehcptracker.plan.domain.QualityCriteria;

/**
 * Plan quality audit criteria, weights, ranges and grade bands ({@code ehcp.plan-quality.*}; defaults in
 * application.properties, from DOMAIN.md; docs/plan-service.md explains the weighting). One set for every council
 * this instance serves.
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

    default QualityCriteria toCriteria() {
        return new QualityCriteria(criteria().stream()
                .map(c -> new QualityCriteria.Criterion(c.code(), c.weight(), c.min(), c.max(), c.optional()))
                .toList(), outstandingFrom(), goodFrom(), requiresImprovementFrom());
    }
}
