package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.history.NationalHistory;
import org.ehcptracker.history.PublishedFigures;
import org.ehcptracker.history.PublishedFigures.CouncilYear;
import org.junit.jupiter.api.Test;

/**
 * The board's 20-week measure, computed by reporting-service's own rules over the national history generator's
 * events, gives back DfE's published table: for a sample of councils (a small and a large one, and the two the
 * docs use) and every year 2019-2024, plans issued and within 20 weeks, including and excluding exceptions.
 */
class NationalHistoryCalibrationTest {

    private static final Set<String> SAMPLE = Set.of("857", "839", "822", "886");

    @Test
    void theSampleCouncilsHistoriesGiveBackThePublishedTwentyWeekFigures() {
        List<CouncilYear> published = PublishedFigures.load();
        List<IntegrationEvent> events = Collections.synchronizedList(new ArrayList<>());
        new NationalHistory(published, 2025).generate(SAMPLE, events::add);
        List<CaseFile> cases = CaseFile.fold(events);

        List<CouncilYear> sample = published.stream().filter(y -> SAMPLE.contains(y.laCode())).toList();
        assertThat(sample).hasSize(24);
        for (CouncilYear year : sample) {
            BoardMeasures.TwentyWeekFigures figures = BoardMeasures.twentyWeeks(year.laCode(),
                    LocalDate.of(year.year(), 1, 1), LocalDate.of(year.year(), 12, 31), cases);
            String what = year.laName() + " " + year.year();
            assertThat(figures.includingExceptions().plansIssued()).as(what).isEqualTo(year.plansIssued());
            assertThat(figures.includingExceptions().issuedWithin20Weeks()).as(what).isEqualTo(year.within20Weeks());
            assertThat(figures.excludingExceptions().plansIssued()).as(what).isEqualTo(year.plansIssuedExcludingExceptions());
            assertThat(figures.excludingExceptions().issuedWithin20Weeks()).as(what).isEqualTo(year.within20WeeksExcludingExceptions());
        }
    }
}
