package org.ehcptracker.plan.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.store.EventSourcedCommands;
import org.ehcptracker.plan.domain.AssessmentCase;
import org.ehcptracker.plan.domain.EhcPlan;
import org.ehcptracker.plan.domain.EventStamp;
import org.ehcptracker.plan.domain.IssueDraftPlan;
import org.ehcptracker.plan.domain.IssueFinalPlan;
import org.ehcptracker.plan.domain.PlanView;
import org.ehcptracker.plan.persistence.AssessmentCaseView;
import org.ehcptracker.plan.persistence.CaseAdviceView;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Draft and final EHC plans of a case (one plan per case). */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
public class PlanResource {

    private final EventSourcedCommands commands;
    private final AssessmentCaseView cases;
    private final CaseAdviceView advice;
    private final EventStamp stamp;
    private final Clock clock;

    public PlanResource(EventSourcedCommands commands, AssessmentCaseView cases, CaseAdviceView advice,
                        EventStamp stamp, Clock clock) {
        this.commands = commands;
        this.cases = cases;
        this.advice = advice;
        this.stamp = stamp;
        this.clock = clock;
    }

    @POST
    @Path("/draft-plan")
    @Operation(summary = "Issue the draft plan", description = "Only for a case the LA decided to assess; the parent's"
            + " 15 days to comment (Reg 13(1)) start on issuedDate.")
    @APIResponse(responseCode = "201", description = "draft issued; Location is the plan")
    @APIResponse(responseCode = "400", description = "no X-Actor, or a missing or malformed field")
    @APIResponse(responseCode = "409", description = "a draft was already issued")
    @APIResponse(responseCode = "422", description = "case not accepted for assessment, or issuedDate before the clock start")
    public Uni<RestResponse<PlanView>> issueDraft(@RestPath UUID caseId, @RestHeader(Actor.HEADER) String actor,
                                                  @Valid @NotNull DraftPlanRequest body) {
        Actor who = Actor.parse(actor);
        var command = new IssueDraftPlan(caseId, body.issuedDate());
        return decide(caseId, who, known -> history -> EhcPlan.from(caseId, history).decide(command, known, stamp))
                .map(view -> RestResponse.ResponseBuilder.<PlanView>created(URI.create("/api/cases/" + caseId + "/plan"))
                        .entity(view).build());
    }

    @POST
    @Path("/final-plan")
    @Operation(summary = "Issue the final plan", description = "Names a specific setting (namedSettingUrn) or a type of"
            + " setting (settingType), exactly one. Needs the draft first; not blocked by the parent's 15 days.")
    @APIResponse(responseCode = "200", description = "final plan issued")
    @APIResponse(responseCode = "400", description = "no X-Actor, or a missing or malformed field")
    @APIResponse(responseCode = "409", description = "the final plan was already issued, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no draft yet, case refused or withdrawn, both or neither setting"
            + " fields, or issuedDate before the draft")
    public Uni<PlanView> issueFinal(@RestPath UUID caseId, @RestHeader(Actor.HEADER) String actor,
                                    @Valid @NotNull FinalPlanRequest body) {
        Actor who = Actor.parse(actor);
        var command = new IssueFinalPlan(caseId, body.issuedDate(), body.namedSettingUrn(), body.settingType());
        return decide(caseId, who, known -> history -> EhcPlan.from(caseId, history).decide(command, known, stamp));
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The case's plan: status, deadlines, 20-week measure and advice status")
    @APIResponse(responseCode = "200", description = "the plan")
    @APIResponse(responseCode = "404", description = "no draft plan issued for the case")
    public Uni<PlanView> plan(@RestPath UUID caseId) {
        return view(caseId);
    }

    private Uni<PlanView> decide(UUID caseId, Actor who,
            Function<Optional<AssessmentCase>, Function<List<PlanEvent>, List<? extends PlanEvent>>> decision) {
        return cases.find(caseId)
                .chain(known -> commands.execute(caseId, PlanEvent.class, who, decision.apply(known)))
                .chain(() -> view(caseId));
    }

    private Uni<PlanView> view(UUID caseId) {
        LocalDate today = LocalDate.now(clock);
        return Uni.combine().all()
                .unis(commands.history(caseId, PlanEvent.class), cases.find(caseId), advice.summary(caseId, today))
                .asTuple()
                .map(t -> PlanView.of(EhcPlan.from(caseId, t.getItem1()), t.getItem2(), t.getItem3())
                        .orElseThrow(() -> CommandRejected.notFound("case " + caseId
                                + " has no plan: no draft plan has been issued")));
    }
}
