package org.ehcptracker.advice.domain;

import java.util.Objects;
import java.util.Set;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * A partner agency in a council's directory: who may be asked for advice, which advice it gives and
 * where its reminders go.
 *
 * @param contactEmail the organisation's mailbox for reminders and overdue notices
 * @param active false once deactivated: no new request may be addressed to it
 */
public record Agency(String agencyId, String localAuthorityCode, String name, Set<AdviceType> adviceTypes,
                     String contactEmail, boolean active) {

    public Agency {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        adviceTypes = Set.copyOf(adviceTypes);
    }
}
