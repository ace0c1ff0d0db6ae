package org.ehcptracker.kit.rest;

import jakarta.enterprise.context.RequestScoped;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * Who makes the current request, resolved once per request by {@link ActorRequired} (today from the
 * {@code X-Actor} header; the sign-in issue fills it from the token instead). Resources pass
 * {@code actor.current()} to the application service.
 */
@RequestScoped
public class CurrentActor {

    private Actor actor;

    void set(Actor actor) {
        this.actor = actor;
    }

    /** The actor of this request; 400 if the request named none (only /api paths are required to). */
    public Actor current() {
        if (actor == null) {
            throw CommandRejected.invalid(Actor.HEADER, "every request must say who makes it: header " + Actor.HEADER
                    + " as role:id, e.g. caseworker:jsmith");
        }
        return actor;
    }
}
