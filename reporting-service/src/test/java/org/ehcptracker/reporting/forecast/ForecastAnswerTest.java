package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a forecast is shown: only with a backtest. A history recorded by the cut gives the backtest its "as known
 * on" basis; a history recorded only after it (imported) is backtested on its business dates instead, and says so;
 * a history too short either way is not shown.
 *
 * <p>The council: {@link SyntheticCouncil#epBound}, three years to 2025-08-31; a 3-month question on 2025-09-01
 * cuts at 2025-05-31 (the end of the month three months before August, the last complete month), 2 years and 9
 * months after the first request, well over the 26 weeks a backtest needs.
 */
class ForecastAnswerTest {

    private static final LocalDate START = LocalDate.of(2025, 9, 1);
    private static final ForecastQuestion QUESTION = new ForecastQuestion(START, 3, 104, 4, 10, 20, 1, Scenario.NONE,
            null, null);

    @Test
    void aHistoryRecordedByTheCutIsBacktestedAsKnownThen() {
        List<PipelineCase> history = SyntheticCouncil.history(SyntheticCouncil.epBound(START), START.minusYears(3),
                START.minusDays(1), 3);

        ForecastAnswer answer = ForecastAnswer.of(QUESTION, history, history);

        assertThat(answer.shown()).isTrue();
        assertThat(answer.backtest().cut()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(answer.backtest().businessDates()).isFalse();
    }

    @Test
    void aHistoryRecordedOnlyAfterTheCutIsBacktestedOnItsBusinessDatesAndSaysSo() {
        List<PipelineCase> history = SyntheticCouncil.history(SyntheticCouncil.epBound(START), START.minusYears(3),
                START.minusDays(1), 3);

        ForecastAnswer answer = ForecastAnswer.of(QUESTION, history, List.of());

        assertThat(answer.shown()).isTrue();
        assertThat(answer.backtest().businessDates()).isTrue();
        assertThat(answer.backtest().error(PipelineMeasures.Measure.OPEN).monthsCompared()).isEqualTo(3);
    }

    /** Requests only from 2025-01-01: 21 weeks before the cut (2025-05-31), under 26, by either basis. */
    @Test
    void aHistoryTooShortEitherWayIsNotShown() {
        List<PipelineCase> history = SyntheticCouncil.history(SyntheticCouncil.epBound(START),
                LocalDate.of(2025, 1, 1), START.minusDays(1), 3);

        ForecastAnswer answer = ForecastAnswer.of(QUESTION, history, List.of());

        assertThat(answer.shown()).isFalse();
        assertThat(answer.reason()).contains("backtest error is unknown");
        assertThat(answer.forecast()).isNull();
    }
}
