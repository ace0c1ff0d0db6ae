package org.ehcptracker.reporting.pages;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form post whose CSRF cookie or field is missing, stale or forged with a 400 and no
 * body. Nothing may answer with an empty body: a browser gets the pages' problem page saying what to do, any other
 * caller (an API call sent as a form, for instance by {@code curl -d}) a problem+json. Only that refusal is
 * rewritten: a 400 of a form post that has no body yet.
 */
public class FormTokenRefusal {

    static final String MESSAGE = "The form could not be sent: its security token is missing or has expired. "
            + "Go back, reload the page and send the form again.";

    private static final Annotation[] NONE = new Annotation[0];

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !isForm(request.getMediaType())) {
            return;
        }
        boolean page = !request.getUriInfo().getPath().startsWith("/api/")
                && request.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                        && !t.isWildcardType());
        if (page) {
            response.setEntity(Pages.Templates.problem(MESSAGE).render(), NONE,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            return;
        }
        Response problem = HttpProblem.builder().withStatus(400).withTitle("Invalid request")
                .withDetail("a form post needs the CSRF token of the page it came from (cookie and field "
                        + "'csrf-token'); an API call sends JSON with Content-Type: application/json")
                .with("field", "csrf-token").build().toResponse();
        response.setEntity(problem.getEntity(), NONE, problem.getMediaType());
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
