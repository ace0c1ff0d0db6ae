package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.reporting.domain.BoardReport.RankTallies;
import org.ehcptracker.reporting.domain.BoardReport.Tally;
import org.junit.jupiter.api.Test;

/**
 * The ranks' tallies (BoardReport.tallies): what SQL over case_progress and the fold of a few cases each count, added
 * council by council (persistence.CouncilRankFigures), must be the tallies of all the cases together; and a council
 * named only as a transfer's previous council is ranked when it has a value.
 */
class RankTalliesTest {

    static final LocalDate FROM = LocalDate.parse("2023-06-01");
    static final LocalDate TO = LocalDate.parse("2025-03-31");

    /**
     * Case recorded by 902 as a transfer from 905: received (by 905) Monday 2025-01-06, transferred in to 902 Monday
     * 2025-02-03. On Friday 2025-01-31 it is 905's backlog (responsible until the transfer), 25 days open: 3.6 weeks
     * (25 / 7 = 3.57, half-up). 902 has no case open that day. 905 is named by no event's council.
     */
    @Test
    void a_council_named_only_as_a_transfers_previous_council_is_ranked() {
        Events at902 = Events.forNewCase("902");
        List<IntegrationEvent> events = List.of(at902.requested(LocalDate.parse("2025-01-06")),
                at902.transferredIn(LocalDate.parse("2025-02-03"), "905"));
        List<CaseFile> cases = CaseFile.fold(events);
        LocalDate asOf = LocalDate.parse("2025-01-31");

        RankTallies tallies = BoardReport.tallies(asOf.minusMonths(1), asOf, cases, cases, cases);

        assertThat(tallies.daysOpen()).isEqualTo(Map.of("905", List.of(25L)));
        assertThat(tallies.values().medianWeeksOpen()).isEqualTo(Map.of("905", new BigDecimal("3.6")));
        assertThat(BoardReport.ranks("905", asOf.minusMonths(1), asOf, cases).medianWeeksOpen())
                .isEqualTo(new BoardReport.Rank(1, 1));
        assertThat(BoardReport.ranks("902", asOf.minusMonths(1), asOf, cases).medianWeeksOpen())
                .isEqualTo(new BoardReport.Rank(null, 1));
    }

    /**
     * Hand-worked: 901 decides on day 35 (in time) and day 49 (late): 1 of 2, 50.0%; 903 on day 42 (in time, the
     * last day): 100.0%. 903 ranks first, 901 second of 2.
     */
    @Test
    void decisions_tallied_and_ranked_by_hand() {
        Events a = Events.forNewCase("901");
        Events b = Events.forNewCase("901");
        Events c = Events.forNewCase("903");
        LocalDate start = LocalDate.parse("2024-01-08");
        List<CaseFile> cases = CaseFile.fold(List.of(a.requested(start), a.decided(start.plusDays(35),
                AssessmentDecision.ASSESS), b.requested(start), b.decided(start.plusDays(49), AssessmentDecision.REFUSE),
                c.requested(start), c.decided(start.plusDays(42), AssessmentDecision.ASSESS)));

        RankTallies tallies = BoardReport.tallies(start, start.plusDays(60), cases, cases, cases);

        assertThat(tallies.decisions()).isEqualTo(Map.of("901", new Tally(2, 1), "903", new Tally(1, 1)));
        assertThat(tallies.values().percentDecisionsWithin6Weeks())
                .isEqualTo(Map.of("901", new BigDecimal("50.0"), "903", new BigDecimal("100.0")));
        assertThat(BoardReport.ranks("901", start, start.plusDays(60), cases).percentDecisionsWithin6Weeks())
                .isEqualTo(new BoardReport.Rank(2, 2));
    }

    /** Any split of the generated cases: the two parts' tallies added are the whole's (days open as multisets). */
    @Test
    void tallies_of_two_parts_add_up_to_the_tallies_of_the_whole() {
        Random r = new Random(13);
        List<CaseFile> all = CaseFile.fold(BoardMeasuresOracleTest.generate(r, 300));
        for (int split = 0; split < 5; split++) {
            List<CaseFile> one = new ArrayList<>();
            List<CaseFile> other = new ArrayList<>();
            all.forEach(c -> (r.nextBoolean() ? one : other).add(c));
            RankTallies whole = BoardReport.tallies(FROM, TO, all, all, all);
            RankTallies a = BoardReport.tallies(FROM, TO, one, one, one);
            RankTallies b = BoardReport.tallies(FROM, TO, other, other, other);

            assertThat(added(a.twentyWeeksExcludingExceptions(), b.twentyWeeksExcludingExceptions()))
                    .isEqualTo(whole.twentyWeeksExcludingExceptions()).isNotEmpty();
            assertThat(added(a.decisions(), b.decisions())).isEqualTo(whole.decisions()).isNotEmpty();
            Map<String, List<Long>> days = new TreeMap<>();
            a.daysOpen().forEach((la, d) -> days.computeIfAbsent(la, k -> new ArrayList<>()).addAll(d));
            b.daysOpen().forEach((la, d) -> days.computeIfAbsent(la, k -> new ArrayList<>()).addAll(d));
            days.values().forEach(d -> d.sort(null));
            Map<String, List<Long>> wholeDays = new TreeMap<>();
            whole.daysOpen().forEach((la, d) -> wholeDays.put(la, d.stream().sorted().toList()));
            assertThat(days).isEqualTo(wholeDays).isNotEmpty();
        }
    }

    static Map<String, Tally> added(Map<String, Tally> a, Map<String, Tally> b) {
        Map<String, Tally> out = new TreeMap<>(a);
        b.forEach((la, t) -> out.merge(la, t, Tally::plus));
        return out;
    }
}
