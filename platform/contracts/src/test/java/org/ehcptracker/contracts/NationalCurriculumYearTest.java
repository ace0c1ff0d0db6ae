package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.junit.jupiter.api.Test;

class NationalCurriculumYearTest {

    @Test
    void a_year_group_moves_up_one_code_per_school_year_and_stops_at_Y14() {
        assertThat(NationalCurriculumYear.Y8.after(0)).isEqualTo(NationalCurriculumYear.Y8);
        assertThat(NationalCurriculumYear.Y8.after(1)).isEqualTo(NationalCurriculumYear.Y9);
        assertThat(NationalCurriculumYear.RECEPTION.after(1)).isEqualTo(NationalCurriculumYear.Y1);
        assertThat(NationalCurriculumYear.Y13.after(3)).isEqualTo(NationalCurriculumYear.Y14);
        assertThat(NationalCurriculumYear.EARLY_YEARS.after(2)).isEqualTo(NationalCurriculumYear.EARLY_YEARS);
        assertThat(NationalCurriculumYear.NOT_IN_A_YEAR_GROUP.after(1)).isEqualTo(NationalCurriculumYear.NOT_IN_A_YEAR_GROUP);
        assertThatThrownBy(() -> NationalCurriculumYear.Y8.after(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void at_least_compares_years_and_is_never_true_for_no_year_group() {
        assertThat(NationalCurriculumYear.Y9.atLeast(NationalCurriculumYear.Y9)).isTrue();
        assertThat(NationalCurriculumYear.Y14.atLeast(NationalCurriculumYear.Y9)).isTrue();
        assertThat(NationalCurriculumYear.Y8.atLeast(NationalCurriculumYear.Y9)).isFalse();
        assertThat(NationalCurriculumYear.EARLY_YEARS.atLeast(NationalCurriculumYear.Y9)).isFalse();
        assertThat(NationalCurriculumYear.NOT_IN_A_YEAR_GROUP.atLeast(NationalCurriculumYear.Y9)).isFalse();
    }
}
