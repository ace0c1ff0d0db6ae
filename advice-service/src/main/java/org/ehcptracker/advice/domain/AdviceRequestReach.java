package org.ehcptracker.advice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Role;

/**
 * Who may reach an advice request (issue 11): council staff who act for the council of its case, and the users
 * of the agency it is addressed to (the token's {@code agency} claim), whatever their councils claim says: an
 * agency is scoped by its agency, not by a council. Checked before any read answers and before any event is
 * appended.
 */
public final class AdviceRequestReach {

    private AdviceRequestReach() {
    }

    /**
     * An agency's user: holds the agency role and no council role. A token that also carries caseworker is
     * council staff (and is then scoped by its councils).
     */
    public static boolean agencyUser(Actor actor) {
        return actor.hasRole(Role.AGENCY) && !actor.hasRole(Role.CASEWORKER);
    }

    /**
     * Refuses an agency user the request of another agency ({@link NotTheAgencyAsked}, 403 naming
     * {@code agencyId}) and council staff the request of a council they do not act for ({@link AccessDenied}, 403).
     */
    public static void require(Actor actor, AdviceRequestState.Request request) {
        if (agencyUser(actor)) {
            requireOwnAgency(actor, request.agencyId(), "advice request " + request.adviceRequestId()
                    + " is not addressed to agency " + actor.agency()
                    + ": only the agency asked can submit its advice or read the request");
        } else {
            actor.requireCouncil(request.localAuthorityCode());
        }
    }

    /** As {@link #require} for an existing request; an empty stream passes (the decider answers 404). */
    public static void require(Actor actor, AdviceRequestState state) {
        if (state instanceof AdviceRequestState.Request request) {
            require(actor, request);
        }
    }

    /**
     * The councils whose requests a list may show the actor: empty for every council (national users, and agency
     * users, whose lists are already those of their agency), else the councils the actor acts for.
     */
    public static Optional<Set<String>> listedCouncils(Actor actor) {
        if (agencyUser(actor) || actor.actsForEveryCouncil()) {
            return Optional.empty();
        }
        return Optional.of(actor.councils());
    }

    /** Refuses an agency user anything of an agency other than its own (its inbox, its figures, its entry). */
    public static void requireOwnAgency(Actor actor, String agencyId, String refusal) {
        if (agencyUser(actor) && (actor.agency() == null || !Objects.equals(actor.agency(), agencyId))) {
            throw new NotTheAgencyAsked(refusal);
        }
    }
}
