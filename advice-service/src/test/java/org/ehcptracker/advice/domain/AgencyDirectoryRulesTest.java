package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.domain.AdviceRequestTest.AGENCY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.CASE;
import static org.ehcptracker.advice.domain.AdviceRequestTest.DUE;
import static org.ehcptracker.advice.domain.AdviceRequestTest.FIRST_EVENT_ID;
import static org.ehcptracker.advice.domain.AdviceRequestTest.NOW;
import static org.ehcptracker.advice.domain.AdviceRequestTest.REQUEST;
import static org.ehcptracker.advice.domain.AdviceRequestTest.REQUESTED_ON;
import static org.ehcptracker.advice.domain.AdviceRequestTest.aCase;
import static org.ehcptracker.advice.domain.AdviceRequestTest.ctx;
import static org.ehcptracker.advice.domain.AdviceRequestTest.given;
import static org.ehcptracker.advice.domain.AdviceRequestTest.rejected;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requestAdvice;

import java.util.Optional;
import java.util.Set;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * Item 1: a request is addressed to an active agency of the case's council that gives the advice asked.
 * The case is council 839's, requested on 11 April 2025, due 23 May (11 April + 42 days).
 */
class AgencyDirectoryRulesTest {

    static Agency eps(String council, boolean active, AdviceType... types) {
        return new Agency(AGENCY, council, "Dorset EPS", Set.of(types), "eps@dorset.example", active);
    }

    static AgencyLookup found(Agency agency) {
        return new AgencyLookup(true, Optional.of(agency));
    }

    @Test
    void an_active_agency_of_the_council_giving_that_advice_is_asked() {
        var events = AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                found(eps("839", true, AdviceType.EDUCATIONAL_PSYCHOLOGY)), ctx());
        assertThat(events).containsExactly(new AdviceRequested(FIRST_EVENT_ID, CASE, "839", REQUESTED_ON, NOW, 1,
                REQUEST, AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, DUE));
    }

    @Test
    void a_council_without_a_directory_is_not_checked() {
        var events = AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                AgencyLookup.NO_DIRECTORY, ctx());
        assertThat(events).hasSize(1);
    }

    @Test
    void an_agency_unknown_to_the_directory_is_refused() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                        new AgencyLookup(true, Optional.empty()), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "agencyId", "agency 839-EPS is not in council 839's agency directory");
    }

    @Test
    void another_councils_agency_is_refused_as_unknown_to_this_council() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                        found(eps("850", true, AdviceType.EDUCATIONAL_PSYCHOLOGY)), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "agencyId", "is not in council 839's agency directory");
    }

    @Test
    void a_deactivated_agency_is_refused() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                        found(eps("839", false, AdviceType.EDUCATIONAL_PSYCHOLOGY)), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "agencyId", "is deactivated");
    }

    @Test
    void an_agency_that_does_not_give_that_advice_is_refused() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.ASSESSING),
                        found(eps("839", true, AdviceType.HEALTH)), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "agencyId", "does not give EDUCATIONAL_PSYCHOLOGY advice");
    }

    @Test
    void the_case_is_checked_before_the_agency() {
        rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.REFUSED),
                        new AgencyLookup(true, Optional.empty()), ctx()),
                CommandRejected.Kind.UNPROCESSABLE, "caseId", "was refused");
    }
}
