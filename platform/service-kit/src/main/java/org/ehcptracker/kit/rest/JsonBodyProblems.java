package org.ehcptracker.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rewrites the problem quarkus-resteasy-problem made for a body Jackson could not read, in the project's shape
 * ({@link ProblemResponses#bodyProblem}): its own mappers answer Jackson's exceptions before any of ours
 * (whatever the priority) with Jackson's text as the detail, which repeats the value and names no field for a
 * wrong type. Status 400 is kept; the instance (the request path) too.
 */
@ApplicationScoped
@Unremovable
public class JsonBodyProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem body = ProblemResponses.bodyProblem(context.cause);
        if (body == null) {
            return problem;
        }
        HttpProblem.Builder rewritten = HttpProblem.builder(body);
        if (problem.getInstance() != null) {
            rewritten.withInstance(problem.getInstance());
        }
        return rewritten.build();
    }
}
