package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The timeline rows of every case a council's events name, for its forecast (docs/forecast.md): one council's
 * history, not every council's, with the events of other councils on those cases (a transfer in's earlier events)
 * kept so that the case folds whole.
 */
@ApplicationScoped
public class CouncilCaseHistory {

    /**
     * @param knownOn only events recorded on or before this instant ("as known on"); null: everything recorded
     */
    public Uni<List<CaseTimelineRow>> of(String localAuthorityCode, Instant knownOn) {
        String cases = "caseId in (select t.caseId from CaseTimelineRow t where t.localAuthorityCode = ?1)";
        return knownOn == null ? CaseTimelineRow.list(cases, localAuthorityCode)
                : CaseTimelineRow.list(cases + " and occurredAt <= ?2", localAuthorityCode,
                        knownOn.atOffset(ZoneOffset.UTC));
    }
}
