package org.ehcptracker.advice.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AgencyInbox;
import org.ehcptracker.advice.app.InboxFilter;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The inbox an agency's system polls. See docs/advice-service.md, "For an agency's developers". */
@Path("/api/agencies/{agencyId}/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agency inbox")
public class AgencyInboxResource {

    private final AgencyInbox inbox;
    private final CurrentActor actor;

    public AgencyInboxResource(AgencyInbox inbox, CurrentActor actor) {
        this.inbox = inbox;
        this.actor = actor;
    }

    @RolesAllowed({Role.AGENCY, Role.CASEWORKER})
    @GET
    @Operation(summary = "The advice requests addressed to an agency, soonest due first; or what changed since a cursor",
            description = "status: all (default), open, due-within (with days=N), overdue, submitted,"
                    + " returned-for-rework, cancelled. Pages of size (1-100, default 20) from page 0. With since=<cursor>"
                    + " (the cursor of an earlier answer) only the requests changed after it, in the order of change."
                    + " The ETag changes whenever the answer would; send it back as If-None-Match to get 304."
                    + " An agency user reads only its own agency's inbox; council staff see only the requests of the"
                    + " councils they act for.")
    @APIResponse(responseCode = "200", description = "the page",
            content = @Content(schema = @Schema(implementation = InboxView.class)))
    @APIResponse(responseCode = "304", description = "nothing changed since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "400", description = "status, days, page, size or since out of range (named)")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or (field agencyId) an agency user"
            + " asking for another agency's inbox")
    public Uni<Response> inbox(@RestPath String agencyId,
                               @Parameter(example = "open") @RestQuery String status,
                               @Parameter(description = "with status=due-within: due within this many days from today")
                               @RestQuery Integer days,
                               @RestQuery String since,
                               @RestQuery Integer page,
                               @RestQuery Integer size,
                               @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Actor who = actor.current();
        InboxFilter filter = InboxFilter.of(status);
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        return inbox.page(who, agencyId, filter, days, cursor(since), pageNumber, pageSize).map(p -> {
            InboxView view = InboxView.of(agencyId, filter.code(), pageNumber, pageSize, p);
            StringBuilder state = new StringBuilder(view.asOf() + "|" + filter.code() + "|" + days + "|" + since + "|"
                    + pageNumber + "|" + pageSize + "|" + view.total() + "|" + view.cursor());
            p.items().forEach(i -> state.append('|').append(i.dated().request().adviceRequestId()).append(':').append(i.version()));
            EntityTag tag = new EntityTag(UUID.nameUUIDFromBytes(state.toString().getBytes(StandardCharsets.UTF_8)).toString(), true);
            return notModifiedOr(tag, ifNoneMatch, view);
        });
    }

    /** 304 when the client's If-None-Match names this ETag; else 200 with the body and the ETag. */
    static Response notModifiedOr(EntityTag tag, String ifNoneMatch, Object body) {
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).build();
        }
        return Response.ok(body).tag(tag).build();
    }

    private static Long cursor(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(since.trim());
        } catch (NumberFormatException e) {
            throw CommandRejected.invalid("since", "since '" + since + "' is not a cursor this API returned (a number)");
        }
    }
}
