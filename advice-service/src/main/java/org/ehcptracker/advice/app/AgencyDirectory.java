package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.domain.Agency;
import org.ehcptracker.advice.persistence.AgencyRow;
import org.ehcptracker.advice.persistence.WriteConflicts;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * Each council's directory of partner agencies: add, change, deactivate, read. Plain rows (not
 * events): the directory is reference data, not the history of a case; each row keeps who changed it last.
 */
@ApplicationScoped
public class AgencyDirectory {

    private final Clock clock;

    public AgencyDirectory(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds an agency; 403 for an actor who does not act for the council; CONFLICT (409) when the id is taken
     * (agency ids are unique across councils; the other council is named only to an actor who acts for it).
     */
    public Uni<Agency> add(String localAuthorityCode, String agencyId, String name, Set<AdviceType> adviceTypes,
                           String contactEmail, Actor actor) {
        actor.requireCouncil(localAuthorityCode);
        return raceLostIsConflict(agencyId, Transactions.inTransaction(session -> AgencyRow.byId(agencyId).chain(found -> {
            if (found.isPresent()) {
                String where = actor.actsFor(found.get().localAuthorityCode)
                        ? " (in council " + found.get().localAuthorityCode + "'s directory); change it with PUT /api/agencies/"
                        + agencyId
                        : " in another council's directory; agency ids are unique across councils: choose another";
                throw CommandRejected.conflict("agency " + agencyId + " already exists" + where);
            }
            AgencyRow row = new AgencyRow();
            row.agencyId = agencyId;
            row.localAuthorityCode = localAuthorityCode;
            row.name = name.trim();
            row.setAdviceTypes(adviceTypes);
            row.contactEmail = contactEmail.trim();
            row.active = true;
            audit(row, actor);
            // flushed now, so that two adds of one id at once end in the primary key's conflict here
            return session.persist(row).chain(session::flush).replaceWith(row::toAgency);
        })));
    }

    /**
     * Changes name, advice types and contact address; NOT_FOUND (404) for an unknown agency, 403 for one of a
     * council the actor does not act for.
     */
    public Uni<Agency> change(String agencyId, String name, Set<AdviceType> adviceTypes, String contactEmail, Actor actor) {
        return raceLostIsConflict(agencyId, Transactions.inTransaction(session -> existing(agencyId, actor).chain(row -> {
            row.name = name.trim();
            row.setAdviceTypes(adviceTypes);
            row.contactEmail = contactEmail.trim();
            audit(row, actor);
            return session.flush().replaceWith(row::toAgency);
        })));
    }

    /** Deactivates an agency: no new request may be addressed to it; its open requests stay. 404; 403 as above. */
    public Uni<Agency> deactivate(String agencyId, Actor actor) {
        return raceLostIsConflict(agencyId, Transactions.inTransaction(session -> existing(agencyId, actor).chain(row -> {
            if (!row.active) {
                throw CommandRejected.conflict("agency " + agencyId + " was already deactivated on "
                        + row.changedAt.atZone(clock.getZone()).toLocalDate() + " by " + row.changedBy);
            }
            row.active = false;
            audit(row, actor);
            return session.flush().replaceWith(row::toAgency);
        })));
    }

    /**
     * One agency: an agency user reads only its own entry (403 naming {@code agencyId}, whether or not the other
     * exists); council staff and administrators an agency of a council they act for (404 unknown; 403 another
     * council's).
     */
    public Uni<Agency> get(String agencyId, Actor actor) {
        AdviceRequestReach.requireOwnAgency(actor, agencyId, "an agency's user may read only its own agency's entry, not "
                + agencyId + "'s");
        return Transactions.inSession(session -> existing(agencyId, actor)).map(AgencyRow::toAgency);
    }

    /** A council's directory; 403 for an actor who does not act for the council. */
    public Uni<List<Agency>> ofCouncil(String localAuthorityCode, Actor actor) {
        actor.requireCouncil(localAuthorityCode);
        return Transactions.inSession(session -> AgencyRow.ofCouncil(localAuthorityCode))
                .map(rows -> rows.stream().map(AgencyRow::toAgency).toList());
    }

    /** The agency's row, once the actor may reach it: 404 unknown, 403 of a council the actor does not act for. */
    private static Uni<AgencyRow> existing(String agencyId, Actor actor) {
        return AgencyRow.byId(agencyId).map(found -> {
            AgencyRow row = found.orElseThrow(
                    () -> CommandRejected.notFound("there is no agency " + agencyId + " in any council's directory"));
            if (!AdviceRequestReach.agencyUser(actor)) {
                actor.requireCouncil(row.localAuthorityCode);
            }
            return row;
        });
    }

    /** Two writers of one agency at once: the one that lost gets 409, the other's change stands. */
    private static Uni<Agency> raceLostIsConflict(String agencyId, Uni<Agency> write) {
        return write.onFailure(WriteConflicts::lostRace).transform(e -> CommandRejected.conflict(
                "agency " + agencyId + " was changed by another request at the same moment; read it again and retry"));
    }

    private void audit(AgencyRow row, Actor actor) {
        row.changedBy = actor.toString();
        row.changedAt = clock.instant();
    }
}
