package org.ehcptracker.reporting.pages;

import io.quarkus.security.Authenticated;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehcptracker.reporting.pages.AdviceApi.AdviceRequest;
import org.ehcptracker.reporting.pages.BoardPage.FieldError;

/**
 * A partner agency's inbox: its requests (open, overdue, answered), one request, and the form to submit advice. Read
 * from and sent to advice-service, which applies its own rules and checks who the user is; its refusals appear in
 * the error summary (docs/front-end.md, "Partner agency inbox").
 */
@Authenticated
@Path("/agencies/{agencyId}/inbox")
public class AgencyInboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(String agencyId, String status, List<Row> rows, long total, String asOf,
                                             String error);

        static native TemplateInstance request(String agencyId, Row request, boolean submitted, Form form,
                                               List<FieldError> errors);
    }

    /** One request as the pages word it. */
    public record Row(String id, String caseId, String adviceType, String requested, String due, String state,
                      boolean open, boolean late, String submitted) {

        /** The case's pseudonymous id, shortened as a person would read it out. */
        public String caseRef() {
            return caseId.substring(0, 8);
        }
    }

    /** The submission form as the user filled it; {@code key} makes a second click the same submission. */
    public record Form(String submittedDate, String summary, String key) {
    }

    private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Set<String> FILTERS = Set.of("open", "overdue", "submitted", "all");
    private static final Set<String> FORM_FIELDS = Set.of("submittedDate", "summary");

    static final String UNAVAILABLE = "The advice service is not answering. Try again in a few minutes.";

    private final AdviceApi advice;

    public AgencyInboxPage(@RestClient AdviceApi advice) {
        this.advice = advice;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> inbox(@PathParam("agencyId") String agencyId, @QueryParam("status") String status) {
        String filter = status == null || !FILTERS.contains(status) ? "open" : status;
        if (!AGENCY.matcher(agencyId).matches()) {
            return Uni.createFrom().item(Pages.notFound());
        }
        return advice.inbox(agencyId, filter, 100)
                .map(inbox -> html(200, Templates.inbox(agencyId, filter,
                        inbox.items().stream().map(AgencyInboxPage::row).toList(), inbox.total(),
                        BoardView.day(inbox.asOf()), null)))
                .onFailure(ApiProblem.class).recoverWithItem(e -> html(((ApiProblem) e).status(),
                        Templates.inbox(agencyId, filter, List.of(), 0, null, e.getMessage())))
                .onFailure().recoverWithItem(e -> html(502, Templates.inbox(agencyId, filter, List.of(), 0, null,
                        UNAVAILABLE)));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> request(@PathParam("agencyId") String agencyId, @PathParam("id") String id,
                                 @QueryParam("submitted") String submitted) {
        UUID requestId = uuid(id);
        if (requestId == null || !AGENCY.matcher(agencyId).matches()) {
            return Uni.createFrom().item(Pages.notFound());
        }
        return advice.request(requestId)
                .map(r -> html(200, Templates.request(agencyId, row(r), submitted != null,
                        new Form(null, null, UUID.randomUUID().toString()), List.of())))
                .onFailure(ApiProblem.class).recoverWithItem(e -> ((ApiProblem) e).status() == 404
                        ? Pages.notFound()
                        : html(((ApiProblem) e).status(), Templates.inbox(agencyId, "open", List.of(), 0, null,
                                e.getMessage())))
                .onFailure().recoverWithItem(e -> html(502, Templates.inbox(agencyId, "open", List.of(), 0, null,
                        UNAVAILABLE)));
    }

    /**
     * Sends the advice to advice-service; on success back to the request (Post/Redirect/Get), which then shows
     * advice-service's own answer, never a read model that may lag. A refusal is shown on the form, linked to its
     * field, with the status advice-service gave.
     */
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> submit(@PathParam("agencyId") String agencyId, @PathParam("id") String id,
                                @FormParam("submittedDate") String submittedDate, @FormParam("summary") String summary,
                                @FormParam("key") String key) {
        UUID requestId = uuid(id);
        if (requestId == null || !AGENCY.matcher(agencyId).matches()) {
            return Uni.createFrom().item(Pages.notFound());
        }
        Form form = new Form(trim(submittedDate), summary == null || summary.isBlank() ? null : summary,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        FieldError local = localCheck(form.submittedDate());
        if (local != null) {
            return advice.request(requestId).map(r -> html(400,
                    Templates.request(agencyId, row(r), false, form, List.of(local))));
        }
        return advice.submit(requestId, form.key(), new AdviceApi.Submission(form.submittedDate(), form.summary()))
                .map(done -> Response.seeOther(URI.create("/agencies/" + agencyId + "/inbox/" + requestId
                        + "?submitted=1")).build())
                .onFailure(ApiProblem.class).recoverWithUni(e -> {
                    ApiProblem problem = (ApiProblem) e;
                    FieldError error = new FieldError(problem.field() != null && FORM_FIELDS.contains(problem.field()) ? problem.field()
                            : "submittedDate", problem.getMessage());
                    return advice.request(requestId).map(r -> html(problem.status(),
                            Templates.request(agencyId, row(r), false, form, List.of(error))));
                });
    }

    /** What the form can tell without asking: a date is given and is a date. The rules are advice-service's. */
    private static FieldError localCheck(String date) {
        if (date == null) {
            return new FieldError("submittedDate", "Enter the date the advice was sent to the council");
        }
        try {
            LocalDate.parse(date);
            return null;
        } catch (DateTimeParseException e) {
            return new FieldError("submittedDate", "Enter the date the advice was sent as a real date, "
                    + "for example 2025-04-01");
        }
    }

    static Row row(AdviceRequest r) {
        String state;
        if (r.returnedForRework()) {
            state = "Returned for more work";
        } else if ("SUBMITTED".equals(r.status())) {
            state = r.late() ? "Sent late (" + days(r.daysLate()) + " late)" : "Sent in time";
        } else if ("CANCELLED".equals(r.status())) {
            state = "Cancelled by the council";
        } else if (r.daysLate() != null && r.daysLate() > 0) {
            state = "Overdue by " + days(r.daysLate());
        } else {
            state = r.daysLeft() == null ? "Open" : r.daysLeft() == 0 ? "Due today" : "Due in " + days(r.daysLeft());
        }
        return new Row(r.adviceRequestId().toString(), r.caseId().toString(), adviceType(r.adviceType()),
                BoardView.day(r.requestedDate()), BoardView.day(r.dueDate()), state, r.open(),
                r.late(), r.submittedDate() == null ? null : BoardView.day(r.submittedDate()));
    }

    static String adviceType(String code) {
        if (code == null) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String days(Long n) {
        return n + (n == 1 ? " day" : " days");
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
