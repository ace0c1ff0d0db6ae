package org.ehcptracker.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.history.NationalHistory;
import org.ehcptracker.history.PublishedFigures;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;
import org.junit.jupiter.api.Test;

/**
 * The backtests docs/forecast.md records, on the national history generator's councils (seed 2025): each fitted on
 * the events recorded by the end of its cut (one event in seven is recorded up to two weeks late, so the "as known
 * on" history differs from the business-dated one), forecast over the 12 months after it and compared with what the
 * whole history says happened. Bedford (822) from 2023-06-30 and Birmingham (330) from 2022-12-31 had steady years
 * either side of the cut; Bournemouth, Christchurch and Poole (839) from 2023-06-30 did not (13 of 273 plans within
 * 20 weeks in 2023, 493 of 635 in 2024): no model fitted on the past foresees such a change, and its errors show how
 * far off a forecast is then. The errors are printed for the docs; the steady councils are held to the thresholds
 * docs/forecast.md states, so a change that makes the model worse fails here.
 */
class NationalHistoryBacktestTest {

    record Case(String la, LocalDate cut, boolean steady) {
    }

    private static final List<Case> CASES = List.of(new Case("822", LocalDate.of(2023, 6, 30), true),
            new Case("330", LocalDate.of(2022, 12, 31), true), new Case("839", LocalDate.of(2023, 6, 30), false));

    @Test
    void forecastsFromWhatWasKnownOnAPastDayAreComparedWithTheYearThatFollowed() {
        List<IntegrationEvent> events = Collections.synchronizedList(new ArrayList<>());
        new NationalHistory(PublishedFigures.load(), 2025).generate(Set.of("822", "330", "839"), events::add);
        List<CaseFile> all = CaseFile.fold(events);

        for (Case c : CASES) {
            Instant knownOn = c.cut().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            List<IntegrationEvent> recorded = events.stream().filter(e -> e.occurredAt().isBefore(knownOn)).toList();
            assertThat(recorded.stream().filter(e -> e.businessDate().isAfter(c.cut().minusDays(14))).count())
                    .as("late-recorded events exist").isLessThan(events.stream()
                            .filter(e -> e.businessDate().isAfter(c.cut().minusDays(14))
                                    && !e.businessDate().isAfter(c.cut())).count() + 1);
            List<PipelineCase> actual = cases(all, c.la());
            List<PipelineCase> known = cases(CaseFile.fold(recorded), c.la());

            Backtest backtest = Backtest.run(known, actual, c.cut(), 12, 104, 10, 10, 200, 2025);

            System.out.println("backtest " + c.la() + " cut " + c.cut());
            for (Backtest.MeasureError e : backtest.errors()) {
                System.out.printf("  %-45s months %2d  MAE %8.2f  MAPE %8s  in band %s%n", e.measure(),
                        e.monthsCompared(), e.meanAbsoluteError(),
                        e.meanAbsolutePercentError() == null ? "-" : String.format("%.1f%%", e.meanAbsolutePercentError()),
                        e.coverage() == null ? "-" : String.format("%.0f%%", 100 * e.coverage()));
            }
            for (Measure m : Measure.values()) {
                assertThat(backtest.error(m).monthsCompared()).as(c.la() + " " + m).isEqualTo(12);
            }
            if (c.steady()) {
                assertThat(backtest.error(Measure.OPEN).meanAbsolutePercentError()).as(c.la()).isLessThan(25.0);
                assertThat(backtest.error(Measure.PLANS_ISSUED).meanAbsolutePercentError()).as(c.la()).isLessThan(40.0);
                assertThat(backtest.error(Measure.EP_BACKLOG).meanAbsolutePercentError()).as(c.la()).isLessThan(40.0);
            }
        }
    }
    static List<PipelineCase> cases(List<CaseFile> files, String la) {
        return files.stream().filter(f -> la.equals(f.progress().localAuthorityCode())).map(PipelineCase::of)
                .filter(Objects::nonNull).toList();
    }
}
