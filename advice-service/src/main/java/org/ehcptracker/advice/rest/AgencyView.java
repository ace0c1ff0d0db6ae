package org.ehcptracker.advice.rest;

import java.util.List;
import org.ehcptracker.advice.domain.Agency;
import org.ehcptracker.contracts.advice.AdviceType;

/** An agency as the directory API shows it. */
public record AgencyView(String agencyId, String localAuthorityCode, String name, List<AdviceType> adviceTypes,
                         String contactEmail, boolean active) {

    static AgencyView of(Agency a) {
        return new AgencyView(a.agencyId(), a.localAuthorityCode(), a.name(), a.adviceTypes().stream().sorted().toList(),
                a.contactEmail(), a.active());
    }
}
