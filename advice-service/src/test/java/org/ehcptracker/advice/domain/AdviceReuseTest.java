package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.domain.AdviceRequestTest.AGENCY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.CASE;
import static org.ehcptracker.advice.domain.AdviceRequestTest.FIRST_EVENT_ID;
import static org.ehcptracker.advice.domain.AdviceRequestTest.NOW;
import static org.ehcptracker.advice.domain.AdviceRequestTest.TODAY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.aCase;
import static org.ehcptracker.advice.domain.AdviceRequestTest.cancelled;
import static org.ehcptracker.advice.domain.AdviceRequestTest.ctx;
import static org.ehcptracker.advice.domain.AdviceRequestTest.rejected;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requestAfter;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requested;
import static org.ehcptracker.advice.domain.AdviceRequestTest.submitted;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/**
 * Reg 6(4): existing advice used instead of a new request. Today is Mon 2 June 2025 (AdviceRequestTest's context);
 * the case (council 839) was received 3 March 2025 and decided for assessment; the EP advice reused is dated
 * 20 January 2025.
 */
class AdviceReuseTest {

    static final LocalDate ADVICE_DATE = LocalDate.of(2025, 1, 20);

    static ReuseExistingAdvice reuse(AdviceType type, LocalDate adviceDate, Boolean family, Boolean adviser) {
        return new ReuseExistingAdvice(CASE, type, AGENCY, adviceDate, family, adviser);
    }

    static ReuseExistingAdvice epReuse() {
        return reuse(AdviceType.EDUCATIONAL_PSYCHOLOGY, ADVICE_DATE, true, true);
    }

    static List<AdviceEvent> decide(ReuseExistingAdvice c, AdviceReuse state, Optional<AssessmentCase> seen,
                                    AgencyLookup agency, List<AdviceRequestState.Request> requests) {
        return AdviceReuseDecider.decide(c, state, seen, agency, requests, ctx());
    }

    @Test
    void existing_advice_agreed_by_family_and_adviser_is_recorded_dated_today_with_its_own_date() {
        var events = decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of());
        assertThat(events).containsExactly(new ExistingAdviceReused(FIRST_EVENT_ID, CASE, "839", TODAY, NOW, 1,
                AdviceReuse.idFor(CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY), AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY,
                ADVICE_DATE));
        AdviceReuse after = AdviceReuse.TYPE.rebuild(events);
        assertThat(after).isEqualTo(new AdviceReuse.Reused(AdviceReuse.idFor(CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY), CASE,
                "839", AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, ADVICE_DATE, TODAY));
        // advice given today may be reused today
        assertThat(decide(reuse(AdviceType.HEALTH, TODAY, true, true), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING),
                AgencyLookup.NO_DIRECTORY, List.of())).hasSize(1);
    }

    @Test
    void a_second_reuse_of_the_same_type_is_a_duplicate() {
        AdviceReuse done = AdviceReuse.TYPE.rebuild(decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING),
                AgencyLookup.NO_DIRECTORY, List.of()));
        rejected(() -> decide(epReuse(), done, aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.CONFLICT, null, "already recorded as reused for case " + CASE + " on 2025-06-02");
        // another type is another stream
        assertThat(AdviceReuse.idFor(CASE, AdviceType.HEALTH)).isNotEqualTo(AdviceReuse.idFor(CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY));
    }

    @Test
    void a_type_already_asked_of_an_agency_is_a_duplicate_until_that_request_is_cancelled() {
        // the EP request of 11 April 2025 (AdviceRequestTest's), open, then submitted 20 May, then cancelled 14 April
        var open = requestAfter(List.of(requested()));
        rejected(() -> decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of(open)),
                CommandRejected.Kind.CONFLICT, null, "cancel it first (reason EXISTING_ADVICE_REUSED)");
        var answered = requestAfter(List.of(requested(), submitted(LocalDate.of(2025, 5, 20))));
        rejected(() -> decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of(answered)),
                CommandRejected.Kind.CONFLICT, null, "SUBMITTED");
        var cancelledOne = requestAfter(List.of(requested(), cancelled(LocalDate.of(2025, 4, 14))));
        assertThat(decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY,
                List.of(cancelledOne))).hasSize(1);
        // a request of another type is no obstacle
        assertThat(decide(reuse(AdviceType.HEALTH, ADVICE_DATE, true, true), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING),
                AgencyLookup.NO_DIRECTORY, List.of(open))).hasSize(1);
    }

    @Test
    void a_closed_unknown_or_undecided_case_is_refused() {
        for (CaseStatus closed : List.of(CaseStatus.REFUSED, CaseStatus.WITHDRAWN, CaseStatus.CONCLUDED_WITHOUT_PLAN,
                CaseStatus.REQUESTED)) {
            rejected(() -> decide(epReuse(), AdviceReuse.NONE, aCase(closed), AgencyLookup.NO_DIRECTORY, List.of()),
                    CommandRejected.Kind.UNPROCESSABLE, "caseId", CASE.toString());
        }
        rejected(() -> decide(epReuse(), AdviceReuse.NONE, Optional.empty(), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "caseId", "has not seen case");
    }

    @Test
    void both_agreements_are_required() {
        rejected(() -> decide(reuse(AdviceType.EDUCATIONAL_PSYCHOLOGY, ADVICE_DATE, false, true), AdviceReuse.NONE,
                aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "familyAgreed", "Reg 6(4)");
        rejected(() -> decide(reuse(AdviceType.EDUCATIONAL_PSYCHOLOGY, ADVICE_DATE, true, false), AdviceReuse.NONE,
                aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "adviserAgreed", "Reg 6(4)");
        rejected(() -> decide(reuse(AdviceType.EDUCATIONAL_PSYCHOLOGY, ADVICE_DATE, true, null), AdviceReuse.NONE,
                aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "adviserAgreed", "Reg 6(4)");
    }

    @Test
    void advice_dated_in_the_future_is_refused() {
        // today Mon 2 June 2025: advice dated Tue 3 June does not exist yet
        rejected(() -> decide(reuse(AdviceType.EDUCATIONAL_PSYCHOLOGY, LocalDate.of(2025, 6, 3), true, true), AdviceReuse.NONE,
                aCase(CaseStatus.ASSESSING), AgencyLookup.NO_DIRECTORY, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "adviceDate", "in the future");
    }

    @Test
    void once_the_council_uses_the_directory_the_agency_must_be_its_own_and_give_that_advice_even_if_deactivated_since() {
        var deactivatedEps = new AgencyLookup(true, Optional.of(new Agency(AGENCY, "839", "Dorset EPS",
                Set.of(AdviceType.EDUCATIONAL_PSYCHOLOGY), "eps@dorset.example", false)));
        assertThat(decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), deactivatedEps, List.of())).hasSize(1);
        rejected(() -> decide(reuse(AdviceType.HEALTH, ADVICE_DATE, true, true), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING),
                deactivatedEps, List.of()), CommandRejected.Kind.UNPROCESSABLE, "agencyId", "does not give HEALTH");
        var unknown = new AgencyLookup(true, Optional.empty());
        rejected(() -> decide(epReuse(), AdviceReuse.NONE, aCase(CaseStatus.ASSESSING), unknown, List.of()),
                CommandRejected.Kind.UNPROCESSABLE, "agencyId", "is not in council 839's agency directory");
    }
}
