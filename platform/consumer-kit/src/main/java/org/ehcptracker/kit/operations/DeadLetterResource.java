package org.ehcptracker.kit.operations;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.messaging.ParkedEvents;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The operators' view of this service's parked records (docs/operations.md, "Parked records"): list them, replay one
 * after the fix. Every service that consumes Kafka has it.
 */
@Path("/api/operations/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class DeadLetterResource {

    /** Enough for an operator's screen; parked records are exceptional (a metric alerts on the first). */
    static final int LIST_LIMIT = 500;

    private final ParkedEvents parked;
    private final CurrentActor actor;

    public DeadLetterResource(ParkedEvents parked, CurrentActor actor) {
        this.parked = parked;
        this.actor = actor;
    }

    @RolesAllowed(Role.ADMIN)
    @GET
    @Operation(summary = "Records this service's consumers parked, oldest first (at most 500)",
            description = "Each with its consumer, event id, type, council, error and when it was parked; the payload"
                    + " stays in the table. Only the events of councils the administrator acts for; an event whose"
                    + " council cannot be read only for an administrator of every council.")
    @APIResponse(responseCode = "200", description = "the parked records (empty when none)")
    @APIResponse(responseCode = "403", description = "not an administrator")
    public Uni<List<ParkedEvents.Parked>> list() {
        Actor who = actor.current();
        return parked.list(LIST_LIMIT).map(all -> all.stream().filter(p -> mayHandle(who, p)).toList());
    }

    @RolesAllowed(Role.ADMIN)
    @POST
    @Path("/{consumer}/{eventId}/replay")
    @Operation(summary = "Replays a parked record through its consumer, after the cause has been fixed",
            description = "The same idempotent path as a Kafka delivery: applied once however often it is replayed or"
                    + " redelivered. Applied: the record leaves dead_letter. Failing again: it stays, with the new"
                    + " error, and the answer says so (200 with applied false).")
    @APIResponse(responseCode = "200", description = "applied, or still failing with its error")
    @APIResponse(responseCode = "400", description = "an event id that is not a UUID")
    @APIResponse(responseCode = "403", description = "not an administrator, or not of the event's council")
    @APIResponse(responseCode = "404", description = "no such parked record")
    @APIResponse(responseCode = "422", description = "no consumer of that name in this service")
    public Uni<ParkedEvents.Replayed> replay(
            @Parameter(description = "the consumer it was parked under, as the list gives it", example = "reporting-case-timeline")
            @RestPath String consumer,
            @Parameter(description = "the parked event's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @RestPath String eventId) {
        UUID id = uuid(eventId);
        Actor who = actor.current();
        return parked.find(consumer, id)
                .chain(p -> {
                    if (!mayHandle(who, p)) {
                        throw new AccessDenied("the parked event is not of a council you act for");
                    }
                    return parked.replay(consumer, id);
                });
    }

    private static boolean mayHandle(Actor who, ParkedEvents.Parked p) {
        return p.localAuthorityCode() == null ? who.actsForEveryCouncil() : who.actsFor(p.localAuthorityCode());
    }

    /** A path that is not a UUID is a bad request naming the field, never "not found". */
    private static UUID uuid(String value) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw CommandRejected.invalid("eventId", "eventId must be a UUID (8-4-4-4-12 hexadecimal digits)");
    }
}
