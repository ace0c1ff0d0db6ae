package org.ehcptracker.assessment.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ehcptracker.assessment.domain.Sen2Person;
import org.ehcptracker.assessment.persistence.ChildPersonalDetailsEntity;
import org.ehcptracker.assessment.persistence.PersonalDetailsChange;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Corrects a child's SEN2 person details (docs/sen2.md): replaces the five (sex, ethnicity, UPN, ULN, postcode) in
 * the personal-details table and records who changed which fields, when, in one transaction. No event: the values
 * are personal data and never leave this service.
 */
@ApplicationScoped
public class Sen2PersonCorrections {

    private static final Logger LOG = Logger.getLogger(Sen2PersonCorrections.class);

    private final AssessmentCases cases;
    private final Clock clock;

    public Sen2PersonCorrections(AssessmentCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * @throws CommandRejected 404 for an unknown case, 422 when the case's personal details were erased
     */
    public Uni<Sen2Person> replace(UUID caseId, Actor actor, Sen2Person person) {
        Instant at = clock.instant();
        return Transactions.inTransaction(session -> cases.loadInScope(caseId, actor)
                        .invoke(state -> {
                            if (!state.exists()) {
                                throw CommandRejected.notFound("no case " + caseId);
                            }
                        })
                        .chain(state -> ChildPersonalDetailsEntity.replaceSen2(caseId, person))
                        .invoke(replaced -> {
                            if (!replaced) {
                                throw CommandRejected.unprocessable(null, "the personal details of case " + caseId
                                        + " were erased: none are held again");
                            }
                        })
                        .chain(() -> PersonalDetailsChange.record(caseId, actor, at, person.fieldsHeld())))
                .invoke(() -> LOG.infof("SEN2 person details of case %s corrected by %s", caseId, actor))
                .replaceWith(person);
    }
}
