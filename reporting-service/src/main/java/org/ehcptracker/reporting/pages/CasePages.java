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
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.contracts.plan.SenNeedType;
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
        static native TemplateInstance kase(CaseSummary kase, List<AdviceAsked> advice, PlanSummary plan,
                                            List<Happened> timeline, String done, List<FieldError> errors,
                                            Map<String, String> values, Choices choices);
    }

    /** The case as the page shows it: assessment-service's view, put into words. */
    public record CaseSummary(String caseId, String childRef, String la, String status, String statusCode,
                              List<BoardView.Figure> facts, List<String> exceptions, boolean canDecide,
                              boolean assessing, boolean planIssued, boolean canTransfer, List<Choice> disputeStages,
                              Choice openDispute) {

        /** The case as it is once plan-service says its final plan is issued (the timeline may lag behind). */
        CaseSummary withPlanIssued() {
            return new CaseSummary(caseId, childRef, la, status, statusCode, facts, exceptions, canDecide, assessing,
                    true, false, disputeStages, openDispute);
        }
    }

    /**
     * The plan in force and its annual reviews (plan-service), and which review step is next: a meeting (no review
     * open), the decision (the open review awaits it), or the amended plan (decided AMEND, not issued yet).
     */
    public record PlanSummary(String planId, List<BoardView.Figure> facts, List<ReviewRow> reviews,
                              boolean canHoldMeeting, String awaitingDecision, String awaitingAmendedPlan) {
    }

    /** One annual review, in words. */
    public record ReviewRow(String meeting, String status, String decisionDue, String decision) {
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
                          List<Choice> exceptionReasons, List<Choice> disputeKinds, List<Choice> disputeOutcomes,
                          List<Choice> reviewOutcomes, List<Choice> senNeeds) {

        static final Choices ALL = new Choices(choices(RefusalReason.values()), choices(AdviceType.values()),
                choices(StatutoryLimit.values()), choices(ExceptionReason.values()), choices(DisputeKind.values()),
                choices(DisputeOutcome.values()), choices(ReviewOutcome.values()), senNeedChoices());

        /** The types of SEN need by their DfE code and name (the codes say little to a reader on their own). */
        private static List<Choice> senNeedChoices() {
            return java.util.Arrays.stream(SenNeedType.values()).map(t -> new Choice(t.name(), t.name() + ": " + switch (t) {
                case SPLD -> "specific learning difficulty";
                case MLD -> "moderate learning difficulty";
                case SLD -> "severe learning difficulty";
                case PMLD -> "profound and multiple learning difficulty";
                case SEMH -> "social, emotional and mental health";
                case SLCN -> "speech, language and communication needs";
                case HI -> "hearing impairment";
                case VI -> "vision impairment";
                case MSI -> "multi-sensory impairment";
                case PD -> "physical disability";
                case ASD -> "autistic spectrum disorder";
                case OTH -> "other difficulty or disability";
            })).toList();
        }

        private static List<Choice> choices(Enum<?>[] codes) {
            return java.util.Arrays.stream(codes).map(c -> new Choice(c.name(), words(c.name()))).toList();
        }
    }

    /**
     * A timeline line (reporting's case_timeline): {@code by} is the actor from the owning service's audit where the
     * user may read it (team managers, assessment-service's lines), else the service that recorded it.
     */
    public record Happened(String date, String what, String by, boolean actorKnown) {
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
        actions.put("transfer", new Action("transfer", List.of("fromLocalAuthorityCode", "transferDate"),
                body -> assessment.transferIn(caseId, body)));
        actions.put("dispute", new Action("dispute", List.of("kind", "stage", "registeredDate"),
                body -> assessment.recordDispute(caseId, body)));
        // the hidden id of the dispute or plan or review comes last: an error is never linked to a hidden field
        actions.put("disputeOutcome", new Action("disputeOutcome", List.of("outcome", "outcomeDate", "disputeId"),
                body -> withId(body, "disputeId", id -> assessment.recordDisputeOutcome(caseId, id, body))));
        actions.put("review", new Action("review", List.of("meetingDate", "planId"),
                body -> withId(body, "planId", id -> plan.holdReviewMeeting(id, body))));
        actions.put("reviewDecision", new Action("reviewDecision", List.of("outcome", "decidedDate", "reviewId"),
                body -> withId(body, "reviewId", id -> plan.decideReview(id, body))));
        actions.put("amended", new Action("amended", List.of("issuedDate", "namedSettingUrn", "settingType",
                "reviewId"), body -> withId(body, "reviewId", id -> plan.issueAmended(id, body))));
        actions.put("needs", new Action("needs", List.of("primaryNeed", "secondaryNeed", "effectiveDate", "planId"),
                body -> withId(body, "planId", id -> plan.recordSenNeeds(id, senNeeds(body)))));
        return actions;
    }

    /** The form's primary and secondary need as the API's ranked list (plan-service refuses a need named twice). */
    static Map<String, Object> senNeeds(Map<String, Object> form) {
        List<Object> needs = new ArrayList<>();
        for (String field : List.of("primaryNeed", "secondaryNeed")) {
            Object need = form.remove(field);
            if (need != null) {
                needs.add(need);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(form);
        body.put("needs", needs);
        return body;
    }

    /** Takes the hidden id out of the body (it is the API's path); a form without a valid one is refused. */
    private static Uni<JsonNode> withId(Map<String, Object> body, String name, Function<UUID, Uni<JsonNode>> send) {
        Object value = body.remove(name);
        UUID id = value == null ? null : uuid(value.toString());
        return id == null ? Uni.createFrom().failure(new ApiProblem(400, null, "This form is out of date: open the case"
                + " again and retry")) : send.apply(id);
    }

    private Uni<Response> page(UUID caseId, int status, String done, List<FieldError> errors,
                               Map<String, String> values) {
        // the read side first, on this request's Vert.x context (Hibernate Reactive needs it); then the services
        return Uni.createFrom().deferred(() -> timelines.of(caseId, actor.current()))
                .onFailure(CommandRejected.class).recoverWithItem(List.of())
                .chain(timeline -> assessment.find(caseId).chain(found -> advice.ofCase(caseId)
                        .map(list -> list.stream().map(CasePages::asked).toList())
                        .onFailure().recoverWithItem(List.of())
                        .chain(asked -> planInForce(caseId).chain(plan -> actorsOf(caseId).map(actors -> {
                            CaseSummary kase = summary(found, timeline);
                            return AgencyInboxPage.html(status, Templates.kase(plan == null ? kase
                                    : kase.withPlanIssued(), asked, plan, timeline.stream()
                                    .map(e -> happened(e, actors)).toList(), done, errors, values, Choices.ALL));
                        })))))
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

    /**
     * The case's plan in force from plan-service, or null: before the final plan (404), or when plan-service does
     * not answer (the rest of the page is still worth showing; its review forms are then left out).
     */
    private Uni<PlanSummary> planInForce(UUID caseId) {
        return plan.ofCase(caseId)
                .chain(p -> p.hasNonNull("finalIssuedDate") ? plan.inForce(UUID.fromString(p.path("planId").asText()))
                        .map(CasePages::planSummary) : Uni.createFrom().nullItem())
                .onFailure().recoverWithItem(e -> {
                    if (!(e instanceof ApiProblem problem && problem.status() == 404)) {
                        LOG.warnf(e, "case %s: no plan from plan-service", caseId);
                    }
                    return null;
                });
    }

    /**
     * Who recorded each of the case's assessment events, from assessment-service's audit, keyed by event type and
     * recorded time (to the millisecond; the audit names no event id). Only team managers may read the audit; for
     * anyone else, or when it does not answer, nothing (docs/front-end.md, "Who recorded what").
     */
    private Uni<Map<String, String>> actorsOf(UUID caseId) {
        return Uni.createFrom().deferred(() -> actor.current().hasRole(Role.TEAM_MANAGER)
                        ? assessment.audit(caseId).map(CasePages::actors) : Uni.createFrom().item(Map.<String, String>of()))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("case %s: no audit from assessment-service: %s", caseId, e.getMessage());
                    return Map.of();
                });
    }

    static Map<String, String> actors(JsonNode audit) {
        Map<String, String> actors = new java.util.HashMap<>();
        for (JsonNode entry : audit) {
            if ("EVENT".equals(entry.path("kind").asText()) && entry.hasNonNull("at")) {
                actors.put(auditKey(entry.path("action").asText(), java.time.Instant.parse(entry.path("at").asText())),
                        entry.path("actor").asText());
            }
        }
        return actors;
    }

    private static String auditKey(String type, java.time.Instant at) {
        return type + "@" + at.toEpochMilli();
    }

    static PlanSummary planSummary(JsonNode p) {
        List<BoardView.Figure> facts = new ArrayList<>();
        fact(facts, "Final plan issued", day(p.path("issuedDate").asText(null)));
        fact(facts, "Plan", "CEASED".equals(p.path("status").asText()) ? "Ceased on "
                + day(p.path("ceasedDate").asText()) : "In force");
        fact(facts, "Last review meeting", day(p.path("lastReviewMeeting").asText(null)));
        fact(facts, "Next annual review due", day(p.path("reviewDue").asText(null))
                + (p.path("reviewOverdue").asBoolean() ? " (overdue)" : ""));
        List<ReviewRow> reviews = new ArrayList<>();
        String awaitingDecision = null;
        String awaitingAmended = null;
        for (JsonNode r : p.path("reviews")) {
            String reviewStatus = r.path("status").asText();
            reviews.add(new ReviewRow(day(r.path("meetingDate").asText(null)), words(reviewStatus),
                    day(r.path("decisionDue").asText(null)), r.hasNonNull("outcome") ? words(r.path("outcome").asText())
                    + " on " + day(r.path("decidedDate").asText()) : "Not yet"));
            if ("AWAITING_DECISION".equals(reviewStatus)) {
                awaitingDecision = r.path("reviewId").asText();
            } else if ("AWAITING_AMENDED_PLAN".equals(reviewStatus)) {
                awaitingAmended = r.path("reviewId").asText();
            }
        }
        boolean inForce = "IN_FORCE".equals(p.path("status").asText());
        return new PlanSummary(p.path("planId").asText(), facts, reviews,
                inForce && !p.hasNonNull("openReviewId"), inForce ? awaitingDecision : null,
                inForce ? awaitingAmended : null);
    }

    static CaseSummary summary(JsonNode c, List<TimelineEntry> timeline) {
        List<BoardView.Figure> facts = new ArrayList<>();
        fact(facts, "Request received", day(c.path("receivedDate").asText(null)));
        fact(facts, "Year group when requested", yearGroup(c.path("yearGroup").asText(null)));
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
                + " about the " + words(d.path("stage").asText("")).toLowerCase(Locale.UK)
                + (d.hasNonNull("registeredDate") ? ", registered on " + day(d.path("registeredDate").asText()) : "")
                + (d.hasNonNull("outcome") ? "; ended: " + words(d.path("outcome").asText()).toLowerCase(Locale.UK)
                + " on " + day(d.path("outcomeDate").asText()) : "")));
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
                planIssued, !planIssued && OPEN.contains(status), disputeStages(c), openDispute(c));
    }

    /** The stages open: while not closed, a transfer in can restart the clock (assessment-service decides the rest). */
    private static final java.util.Set<String> OPEN = java.util.Set.of("REQUESTED", "ASSESSING", "CONCLUDED_ISSUE_PLAN");

    /**
     * The decisions a mediation or tribunal appeal can be about, as assessment-service allows them: a refusal to
     * assess (any refusal made), a decision not to issue a plan, or the plan's contents (a conclusion to issue one).
     * None once the request is withdrawn.
     */
    static List<Choice> disputeStages(JsonNode c) {
        List<Choice> stages = new ArrayList<>();
        if ("WITHDRAWN".equals(c.path("status").asText())) {
            return stages;
        }
        boolean refused = "REFUSE".equals(c.path("decision").asText());
        for (JsonNode d : c.path("decisions")) {
            refused |= "REFUSE".equals(d.path("decision").asText());
        }
        if (refused) {
            stages.add(choice(DisputeStage.REFUSAL_TO_ASSESS));
        }
        if ("NO_PLAN".equals(c.path("outcome").asText())) {
            stages.add(choice(DisputeStage.REFUSAL_TO_ISSUE_PLAN));
        }
        if ("ISSUE_PLAN".equals(c.path("outcome").asText())) {
            stages.add(choice(DisputeStage.PLAN_CONTENTS));
        }
        return stages;
    }

    /** The oldest dispute without an outcome (its id and words), whose outcome the page offers to record; or null. */
    static Choice openDispute(JsonNode c) {
        for (JsonNode d : c.path("disputes")) {
            if (!d.hasNonNull("outcome")) {
                return new Choice(d.path("disputeId").asText(), words(d.path("kind").asText()) + " about the "
                        + words(d.path("stage").asText()).toLowerCase(Locale.UK) + ", registered on "
                        + day(d.path("registeredDate").asText()));
            }
        }
        return null;
    }

    /** SEN2's year-group code in words: Y10 -> "Year 10", EARLY_YEARS -> "Early years"; null stays null. */
    static String yearGroup(String code) {
        if (code == null) {
            return null;
        }
        return code.matches("Y\\d{1,2}") ? "Year " + code.substring(1) : words(code);
    }

    private static Choice choice(Enum<?> code) {
        return new Choice(code.name(), words(code.name()));
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

    static Happened happened(TimelineEntry e, Map<String, String> actors) {
        String what = e.type().replaceAll("([a-z])([A-Z])", "$1 $2");
        what = what.charAt(0) + what.substring(1).toLowerCase(Locale.UK);
        String actor = "assessment".equals(e.source()) && e.occurredAt() != null
                ? actors.get(auditKey(e.type(), e.occurredAt())) : null;
        return new Happened(BoardView.day(e.businessDate()), what,
                actor != null ? actor : words(e.source()) + " service", actor != null);
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
