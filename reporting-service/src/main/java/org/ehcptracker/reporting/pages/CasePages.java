package org.ehcptracker.reporting.pages;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.CaseTimelines;
import org.ehcptracker.reporting.app.TimelineEntry;
import org.ehcptracker.reporting.pages.BoardPage.FieldError;

/**
 * The caseworker's pages: the council's worklist and a case, with the actions its stage allows as GOV.UK forms. The
 * case's facts and every action are assessment-, advice- and plan-service's (read from and sent to their APIs as
 * the user); the timeline is this service's own read model (docs/front-end.md, "Caseworker pages").
 */
@RolesAllowed(Role.CASEWORKER)
@Path("/cases")
public class CasePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance kase(CaseSummary kase, List<AdviceAsked> advice, List<Happened> timeline,
                                            String done, List<FieldError> errors, Map<String, String> values,
                                            Choices choices);
    }

    /** The case as the page shows it: assessment-service's view, put into words. */
    public record CaseSummary(String caseId, String childRef, String la, String status, String statusCode,
                              List<BoardView.Figure> facts, List<String> exceptions, boolean canDecide,
                              boolean assessing, boolean planIssued) {
    }

    /** An advice request of the case (advice-service). */
    public record AdviceAsked(String adviceType, String agency, String requested, String due, String state,
                              boolean late) {
    }

    /** A code and its words, for a select. */
    public record Choice(String code, String words) {
    }

    /** The codes the forms offer: the contracts' enums, so a new code appears by itself. */
    public record Choices(List<Choice> refusalReasons, List<Choice> adviceTypes, List<Choice> limits,
                          List<Choice> exceptionReasons) {

        static final Choices ALL = new Choices(choices(RefusalReason.values()), choices(AdviceType.values()),
                choices(StatutoryLimit.values()), choices(ExceptionReason.values()));

        private static List<Choice> choices(Enum<?>[] codes) {
            return java.util.Arrays.stream(codes).map(c -> new Choice(c.name(), words(c.name()))).toList();
        }
    }

    /** A timeline line (reporting's case_timeline). */
    public record Happened(String date, String what, String source) {
    }

    /** Each form: its API call and the fields it has (their ids are form-field). */
    private record Action(String form, List<String> fields, Function<Map<String, Object>, Uni<JsonNode>> send) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CasePages.class);

    private final AssessmentApi assessment;
    private final AdviceApi advice;
    private final PlanApi plan;
    private final CaseTimelines timelines;
    private final CurrentActor actor;

    public CasePages(@RestClient AssessmentApi assessment, @RestClient AdviceApi advice, @RestClient PlanApi plan,
                     CaseTimelines timelines, CurrentActor actor) {
        this.actor = actor;
        this.assessment = assessment;
        this.advice = advice;
        this.plan = plan;
        this.timelines = timelines;
    }

    @GET
    @Path("{caseId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> kase(@PathParam("caseId") String id, @QueryParam("done") String done) {
        UUID caseId = uuid(id);
        if (caseId == null) {
            return Uni.createFrom().item(Pages.notFound());
        }
        return page(caseId, 200, done, List.of(), Map.of());
    }

    /**
     * One action of the case page, sent to the service that owns it. On success back to the case (Post/Redirect/Get)
     * with a confirmation; the case page then shows the owning service's own answer, which already has the change.
     * A refusal is shown on the page, linked to the field the service named, with its status.
     */
    @POST
    @Path("{caseId}/{form}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> act(@PathParam("caseId") String id, @PathParam("form") String form,
                             MultivaluedMap<String, String> submitted) {
        UUID caseId = uuid(id);
        Action action = caseId == null ? null : actions(caseId).get(form);
        if (action == null) {
            return Uni.createFrom().item(Pages.notFound());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : action.fields()) {
            String value = blank(submitted.getFirst(field));
            values.put(form + "-" + field, value == null ? "" : value);
            if (value != null) {
                body.put(field, value);
            }
        }
        if ("decision".equals(form) && "ASSESS".equals(body.get("decision"))) {
            // the reason and note belong to a refusal only: the API refuses them with ASSESS
            body.remove("refusalReason");
            body.remove("refusalNote");
        }
        if ("conclusion".equals(form)) {
            body.put("outcome", "NO_PLAN");
        }
        return action.send().apply(body)
                .map(answer -> Response.seeOther(URI.create("/cases/" + caseId + "?done=" + form)).build())
                .onFailure(ApiProblem.class).recoverWithUni(e -> {
                    ApiProblem problem = (ApiProblem) e;
                    String field = problem.field() != null && action.fields().contains(problem.field()) ? problem.field()
                            : action.fields().get(0);
                    return page(caseId, problem.status(), null,
                            List.of(new FieldError(form + "-" + field, problem.getMessage())), values);
                });
    }

    private Map<String, Action> actions(UUID caseId) {
        Map<String, Action> actions = new LinkedHashMap<>();
        actions.put("decision", new Action("decision", List.of("decision", "decisionDate", "refusalReason",
                "refusalNote"), body -> assessment.decide(caseId, body)));
        actions.put("advice", new Action("advice", List.of("adviceType", "agencyId", "requestedDate"),
                body -> advice.requestAdvice(caseId, body)));
        actions.put("exception", new Action("exception", List.of("limit", "reason", "startDate", "endDate"),
                body -> assessment.recordException(caseId, body)));
        actions.put("draft", new Action("draft", List.of("issuedDate"), body -> plan.issueDraft(caseId, body)));
        actions.put("final", new Action("final", List.of("issuedDate", "namedSettingUrn", "settingType"),
                body -> plan.issueFinal(caseId, body)));
        actions.put("conclusion", new Action("conclusion", List.of("conclusionDate"),
                body -> assessment.conclude(caseId, body)));
        return actions;
    }

    private Uni<Response> page(UUID caseId, int status, String done, List<FieldError> errors,
                               Map<String, String> values) {
        // the read side first, on this request's Vert.x context (Hibernate Reactive needs it); then the services
        return Uni.createFrom().deferred(() -> timelines.of(caseId, actor.current()))
                .onFailure(CommandRejected.class).recoverWithItem(List.of())
                .chain(timeline -> assessment.find(caseId).chain(found -> advice.ofCase(caseId)
                        .map(list -> list.stream().map(CasePages::asked).toList())
                        .onFailure().recoverWithItem(List.of())
                        .map(asked -> AgencyInboxPage.html(status, Templates.kase(summary(found, timeline), asked,
                                timeline.stream().map(CasePages::happened).toList(), done, errors, values,
                                Choices.ALL)))))
                .onFailure(AccessDenied.class).recoverWithItem(e -> AgencyInboxPage.html(403,
                        Pages.Templates.problem("You do not have access to this case: " + e.getMessage() + ".")))
                .onFailure(ApiProblem.class).recoverWithItem(e -> ((ApiProblem) e).status() == 404
                        ? Pages.notFound()
                        : AgencyInboxPage.html(((ApiProblem) e).status(), Pages.Templates.problem(e.getMessage())))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "case %s: a service did not answer", caseId);
                    return AgencyInboxPage.html(502, Pages.Templates.problem(
                            "The assessment service is not answering. Try again in a few minutes."));
                });
    }

    static CaseSummary summary(JsonNode c, List<TimelineEntry> timeline) {
        List<BoardView.Figure> facts = new ArrayList<>();
        fact(facts, "Request received", day(c.path("receivedDate").asText(null)));
        fact(facts, "Clock started", day(c.path("clockStart").asText(null)));
        fact(facts, "Decision whether to assess due (6 weeks)", day(c.path("decisionDue").asText(null)));
        fact(facts, "Decision", c.hasNonNull("decision") ? words(c.path("decision").asText()) + " on "
                + day(c.path("decisionDate").asText()) : "not yet made");
        fact(facts, "Decision not to issue a plan due (16 weeks)", day(c.path("noPlanDecisionDue").asText(null)));
        fact(facts, "Final plan due (20 weeks)", day(c.path("finalPlanDue").asText(null)));
        fact(facts, "Outcome", c.hasNonNull("outcome") ? words(c.path("outcome").asText()) + " on "
                + day(c.path("conclusionDate").asText()) : null);
        fact(facts, "Withdrawn", day(c.path("withdrawnDate").asText(null)));
        c.path("transfers").forEach(t -> fact(facts, "Transferred in", "from council "
                + t.path("fromLocalAuthorityCode").asText() + " on " + day(t.path("transferDate").asText())));
        c.path("disputes").forEach(d -> fact(facts, "Dispute", words(d.path("kind").asText(""))
                + " " + words(d.path("stage").asText("")).toLowerCase(Locale.UK)));
        fact(facts, "Exceptions to the 20 weeks apply", c.path("exceptionsApply").asBoolean() ? "Yes" : "No");
        List<String> exceptions = new ArrayList<>();
        c.path("exceptions").forEach(x -> exceptions.add(words(x.path("reason").asText()) + " ("
                + words(x.path("limit").asText()).toLowerCase(Locale.UK) + "), from " + day(x.path("startDate").asText())
                + (x.hasNonNull("endDate") ? " to " + day(x.path("endDate").asText()) : "")
                + (x.path("withdrawn").asBoolean() ? ", withdrawn" : "")));
        String status = c.path("status").asText();
        boolean planIssued = timeline.stream().anyMatch(e -> "FinalPlanIssued".equals(e.type()));
        return new CaseSummary(c.path("caseId").asText(), c.path("childRef").asText(),
                c.path("localAuthorityCode").asText(), words(status), status, facts, exceptions,
                "REQUESTED".equals(status), "ASSESSING".equals(status) || "CONCLUDED_ISSUE_PLAN".equals(status),
                planIssued);
    }

    private static void fact(List<BoardView.Figure> facts, String label, String value) {
        if (value != null) {
            facts.add(new BoardView.Figure(label, value));
        }
    }

    static AdviceAsked asked(AdviceApi.AdviceRequest r) {
        AgencyInboxPage.Row row = AgencyInboxPage.row(r);
        return new AdviceAsked(row.adviceType(), r.agencyId(), row.requested(), row.due(), row.state(), row.late());
    }

    static Happened happened(TimelineEntry e) {
        String what = e.type().replaceAll("([a-z])([A-Z])", "$1 $2");
        what = what.charAt(0) + what.substring(1).toLowerCase(Locale.UK);
        return new Happened(BoardView.day(e.businessDate()), what, e.source());
    }

    /** A code in words: FINAL_PLAN_20_WEEKS -> "Final plan 20 weeks". */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String w = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static String step(String code) {
        if (code == null) {
            return "None";
        }
        return switch (code) {
            case "DECISION_6_WEEKS" -> "Decide whether to assess";
            case "NO_PLAN_DECISION_16_WEEKS" -> "Decide whether to issue a plan";
            case "FINAL_PLAN_20_WEEKS", "FINAL_PLAN_14_WEEKS_REASSESSMENT" -> "Issue the final plan";
            default -> words(code);
        };
    }

    public static String day(String iso) {
        return iso == null || iso.isEmpty() ? null : BoardView.day(LocalDate.parse(iso));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
