package org.ehcptracker.assessment.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.domain.AssessmentCase;
import org.ehcptracker.assessment.domain.ConcludeAssessment;
import org.ehcptracker.assessment.domain.DecideWhetherToAssess;
import org.ehcptracker.assessment.domain.RecordAssessmentRequest;
import org.ehcptracker.assessment.domain.WithdrawRequest;
import org.ehcptracker.assessment.persistence.ChildPersonalDetails;
import org.ehcptracker.assessment.persistence.ChildPersonalDetailsRepository;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.store.EventSourcedCommands;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Assessment cases: the request (day 0), the decision whether to assess, the conclusion, a withdrawal, and the
 * erasure of the child's personal details. Every command runs through
 * {@link EventSourcedCommands} in one transaction; the relay publishes the events after commit.
 */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cases")
public class AssessmentCaseResource {

    private static final Logger LOG = Logger.getLogger(AssessmentCaseResource.class);
    private static final String PROBLEM = "application/problem+json";

    private final EventSourcedCommands commands;
    private final ChildPersonalDetailsRepository personalDetails;
    private final Clock clock;

    public AssessmentCaseResource(EventSourcedCommands commands, ChildPersonalDetailsRepository personalDetails, Clock clock) {
        this.commands = commands;
        this.personalDetails = personalDetails;
        this.clock = clock;
    }

    @POST
    @Operation(summary = "Record a request for an EHC needs assessment",
            description = "Starts the 20-week clock on receivedDate. Give a caseId to make retries safe: a second POST with the"
                    + " same caseId is refused with 409. The child's name and date of birth are kept only in this service.")
    @APIResponse(responseCode = "201", description = "recorded; Location names the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing X-Actor, malformed body or a field breaking its format",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the caseId is already taken (a duplicate submission)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "receivedDate in the future, or a date of birth after it",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> record(@RestHeader(Actor.HEADER) String actorHeader, @Valid @NotNull RecordRequestBody body) {
        Actor actor = Actor.parse(actorHeader);
        UUID caseId = body.caseId() != null ? body.caseId() : UUID.randomUUID();
        if (body.childDateOfBirth() != null && body.receivedDate() != null
                && body.childDateOfBirth().isAfter(body.receivedDate())) {
            throw CommandRejected.unprocessable("childDateOfBirth", "childDateOfBirth is after receivedDate "
                    + body.receivedDate() + ": a request cannot be made for a child not yet born");
        }
        var command = new RecordAssessmentRequest(caseId, body.localAuthorityCode(), body.receivedDate(),
                body.requestedBy(), body.childRef());
        var details = new ChildPersonalDetails(body.childName() == null ? null : body.childName().strip(),
                body.childDateOfBirth(), null);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return run(caseId, actor, c -> c.decide(command, today, now),
                (tx, decided) -> details.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : personalDetails.insert(tx, caseId, details.childName(), details.dateOfBirth()))
                .map(c -> Response.created(URI.create("/api/cases/" + caseId)).entity(CaseView.of(c, details)).build());
    }

    @POST
    @Path("/{caseId}/decision")
    @Operation(summary = "Record the decision whether to assess (Reg 5, due 6 weeks after receipt)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already decided, or decided concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "withdrawn case, refusal without refusalReason, or a date out of order",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> decide(@RestHeader(Actor.HEADER) String actorHeader,
                                @Parameter(description = "the case") @RestPath UUID caseId,
                                @Valid @NotNull DecisionBody body) {
        var command = new DecideWhetherToAssess(caseId, body.decision(), body.decisionDate(), body.refusalReason());
        return step(actorHeader, caseId, (c, today, now) -> c.decide(command, today, now));
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Operation(summary = "Record that the requester withdrew the request")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already withdrawn", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the LA refused to assess, or a date out of order",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> withdraw(@RestHeader(Actor.HEADER) String actorHeader, @RestPath UUID caseId,
                                  @Valid @NotNull WithdrawalBody body) {
        var command = new WithdrawRequest(caseId, body.withdrawnDate());
        return step(actorHeader, caseId, (c, today, now) -> c.decide(command, today, now));
    }

    @POST
    @Path("/{caseId}/conclusion")
    @Operation(summary = "Record how the assessment ended: a plan will be issued, or not (Reg 10, due 16 weeks after receipt)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already concluded, or concluded concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the case is not being assessed (not decided yet, refused or withdrawn),"
            + " or conclusionDate before the decision to assess or in the future", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> conclude(@RestHeader(Actor.HEADER) String actorHeader,
                                  @Parameter(description = "the case") @RestPath UUID caseId,
                                  @Valid @NotNull ConclusionBody body) {
        var command = new ConcludeAssessment(caseId, body.outcome(), body.conclusionDate());
        return step(actorHeader, caseId, (c, today, now) -> c.decide(command, today, now));
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "A case: status, statutory deadlines, decision, and the child's personal details while held")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> get(@RestHeader(Actor.HEADER) String actorHeader, @RestPath UUID caseId) {
        Actor.parse(actorHeader);
        return load(caseId).chain(this::withPersonalDetails);
    }

    @DELETE
    @Path("/{caseId}/personal-details")
    @Operation(summary = "Erase the child's name and date of birth",
            description = "They are held only in this service's child_personal_details table (never in an event), so this"
                    + " erases them from the system. The case and its pseudonymous childRef remain. Idempotent.")
    @APIResponse(responseCode = "204", description = "erased (or nothing was held)")
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<Response> erasePersonalDetails(@RestHeader(Actor.HEADER) String actorHeader, @RestPath UUID caseId) {
        Actor actor = Actor.parse(actorHeader);
        Instant now = clock.instant();
        return load(caseId)
                .chain(c -> personalDetails.erase(caseId, now))
                .invoke(() -> LOG.infof("personal details of case %s erased by %s", caseId, actor))
                .replaceWith(Response.noContent().build());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Runs a command on the case in one transaction; answers the case as it is after the new events. */
    /** A step on an existing case: the council's today and now, the command decided on the case's history. */
    private Uni<CaseView> step(String actorHeader, UUID caseId, Step decision) {
        Actor actor = Actor.parse(actorHeader);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return run(caseId, actor, c -> decision.decide(c, today, now), nothingElse()).chain(this::withPersonalDetails);
    }

    @FunctionalInterface
    private interface Step {
        List<AssessmentEvent> decide(AssessmentCase theCase, LocalDate today, Instant now);
    }

    private Uni<AssessmentCase> run(UUID caseId, Actor actor, Function<AssessmentCase, List<AssessmentEvent>> decide,
                                    BiFunction<SqlConnection, List<AssessmentEvent>, Uni<Void>> alsoInTransaction) {
        AtomicReference<AssessmentCase> after = new AtomicReference<>();
        return commands.execute(caseId, AssessmentEvent.class, actor, history -> {
                    List<AssessmentEvent> decided = decide.apply(AssessmentCase.from(history));
                    List<AssessmentEvent> all = new ArrayList<>(history);
                    all.addAll(decided);
                    after.set(AssessmentCase.from(all));
                    return decided;
                }, alsoInTransaction)
                .map(decided -> after.get());
    }

    private static BiFunction<SqlConnection, List<AssessmentEvent>, Uni<Void>> nothingElse() {
        return (tx, decided) -> Uni.createFrom().voidItem();
    }

    private Uni<AssessmentCase> load(UUID caseId) {
        return commands.history(caseId, AssessmentEvent.class).map(history -> {
            AssessmentCase c = AssessmentCase.from(history);
            if (!c.exists()) {
                throw CommandRejected.notFound("no assessment case " + caseId);
            }
            return c;
        });
    }

    private Uni<CaseView> withPersonalDetails(AssessmentCase c) {
        return personalDetails.find(c.caseId()).map(details -> CaseView.of(c, details));
    }
}
