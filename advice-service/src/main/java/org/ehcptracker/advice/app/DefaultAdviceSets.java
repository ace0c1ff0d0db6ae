package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ehcptracker.advice.domain.DefaultAdvice;
import org.ehcptracker.advice.persistence.AgencyRow;
import org.ehcptracker.advice.persistence.DefaultAdviceRow;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/** Each council's default advice set: read and replaced whole. */
@ApplicationScoped
public class DefaultAdviceSets {

    private final Clock clock;

    public DefaultAdviceSets(Clock clock) {
        this.clock = clock;
    }

    /** The council's set; 403 for an actor who does not act for the council. */
    public Uni<List<DefaultAdvice>> of(String council, Actor actor) {
        actor.requireCouncil(council);
        return Transactions.inSession(session -> DefaultAdviceRow.ofCouncil(council));
    }

    /**
     * Replaces the council's set. Each type at most once (400); once the council uses the directory, each
     * agency must be an active agency of it giving that advice (422, as for a request). 403 for an actor who
     * does not act for the council (before anything is looked at).
     */
    public Uni<List<DefaultAdvice>> replace(String council, List<DefaultAdvice> set, Actor actor) {
        actor.requireCouncil(council);
        Set<AdviceType> seen = new HashSet<>();
        for (DefaultAdvice d : set) {
            if (!seen.add(d.adviceType())) {
                throw CommandRejected.invalid("entries", "adviceType " + d.adviceType() + " appears twice: one default agency per type");
            }
        }
        return Transactions.inTransaction(session -> {
            Uni<Void> checks = Uni.createFrom().voidItem();
            for (DefaultAdvice d : set) {
                checks = checks.chain(() -> AgencyRow.lookup(council, d.agencyId())
                        .invoke(lookup -> lookup.requireCanBeAsked(d.agencyId(), council, d.adviceType()))
                        .replaceWithVoid());
            }
            return checks.chain(() -> DefaultAdviceRow.replace(council, set, actor.toString(), clock.instant()))
                    .chain(session::flush)
                    .replaceWith(set);
        });
    }
}
