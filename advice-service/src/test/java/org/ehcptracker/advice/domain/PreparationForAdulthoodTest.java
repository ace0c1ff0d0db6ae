package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.junit.jupiter.api.Test;

/**
 * Preparation-for-adulthood advice from Year 9 (Reg 6(1), DOMAIN.md), judged on the decision date. The request of
 * 3 March 2025 (school year 2024/25) decided on 10 April 2025 (same school year); one received 14 July 2025 decided
 * 2 September 2025 crosses 1 September 2025 into school year 2025/26, one year group up.
 */
class PreparationForAdulthoodTest {

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3);
    static final LocalDate DECIDED = LocalDate.of(2025, 4, 10);
    static final List<DefaultAdvice> SET = List.of(new DefaultAdvice(AdviceType.EDUCATIONAL_PSYCHOLOGY, "839-EPS"),
            new DefaultAdvice(AdviceType.PREPARATION_FOR_ADULTHOOD, "839-PFA"));

    @Test
    void year_8_on_the_decision_date_gets_none_and_year_9_gets_it() {
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y8, RECEIVED, DECIDED)).isFalse();
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y9, RECEIVED, DECIDED)).isTrue();
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y14, RECEIVED, DECIDED)).isTrue();
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.RECEPTION, RECEIVED, DECIDED)).isFalse();
    }

    @Test
    void a_year_8_request_decided_after_1_september_is_judged_in_year_9() {
        // received Mon 14 Jul 2025 (school year 2024/25, Year 8); decided Tue 2 Sep 2025 (2025/26): Year 9
        LocalDate received = LocalDate.of(2025, 7, 14);
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y8, received, LocalDate.of(2025, 9, 2))).isTrue();
        // decided Sun 31 Aug 2025, the last day of 2024/25: still Year 8
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y8, received, LocalDate.of(2025, 8, 31))).isFalse();
        // decided Mon 1 Sep 2025, the first day of 2025/26: Year 9
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y8, received, LocalDate.of(2025, 9, 1))).isTrue();
        // Year 7 in July is Year 8 in September: not yet
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y7, received, LocalDate.of(2025, 9, 2))).isFalse();
    }

    @Test
    void no_year_group_or_none_followed_gets_none_by_itself() {
        assertThat(PreparationForAdulthood.due(null, RECEIVED, DECIDED)).isFalse();
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.NOT_IN_A_YEAR_GROUP, RECEIVED, DECIDED)).isFalse();
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.EARLY_YEARS, RECEIVED, DECIDED)).isFalse();
        // a decision for a request never seen: no received date, no year group
        assertThat(PreparationForAdulthood.due(NationalCurriculumYear.Y10, null, DECIDED)).isFalse();
    }

    @Test
    void the_default_set_raises_its_adulthood_entry_only_when_it_is_due() {
        // both requests dated the decision date 10 April 2025, ids derived from case and type
        assertThat(DefaultAdvice.raisedBy(CASE, DECIDED, SET,
                PreparationForAdulthood.due(NationalCurriculumYear.Y9, RECEIVED, DECIDED), Set.of()))
                .containsExactly(
                        new RequestAdvice(DefaultAdvice.requestId(CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY), CASE,
                                AdviceType.EDUCATIONAL_PSYCHOLOGY, "839-EPS", DECIDED),
                        new RequestAdvice(DefaultAdvice.requestId(CASE, AdviceType.PREPARATION_FOR_ADULTHOOD), CASE,
                                AdviceType.PREPARATION_FOR_ADULTHOOD, "839-PFA", DECIDED));
        assertThat(DefaultAdvice.raisedBy(CASE, DECIDED, SET,
                PreparationForAdulthood.due(NationalCurriculumYear.Y8, RECEIVED, DECIDED), Set.of()))
                .containsExactly(new RequestAdvice(DefaultAdvice.requestId(CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY), CASE,
                        AdviceType.EDUCATIONAL_PSYCHOLOGY, "839-EPS", DECIDED));
    }

    @Test
    void a_type_whose_existing_advice_is_reused_is_not_raised() {
        assertThat(DefaultAdvice.raisedBy(CASE, DECIDED, SET, true, Set.of(AdviceType.EDUCATIONAL_PSYCHOLOGY)))
                .extracting(RequestAdvice::adviceType).containsExactly(AdviceType.PREPARATION_FOR_ADULTHOOD);
    }
}
