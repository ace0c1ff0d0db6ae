package org.ehcptracker.plan.app;

import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;

/**
 * The council check of every plan-service read and command (docs/plan-service.md, "Who may call what"): the actor
 * must act for the council of the case, plan or review touched, or of the list asked for. Made in the application
 * services after the thing is found (an unknown id stays 404) and before anything is decided or returned.
 */
final class CouncilScope {

    private CouncilScope() {
    }

    /**
     * Refuses (403) an actor who does not act for {@code council}. A council plan-service does not know (null: a
     * row written without one) is readable only by a national actor ({@code *}), never by guess.
     */
    static void require(Actor actor, String council) {
        if (council == null) {
            if (!actor.actsForEveryCouncil()) {
                throw new AccessDenied("the council of this record is not known here; only a national user may see it");
            }
            return;
        }
        actor.requireCouncil(council);
    }
}
