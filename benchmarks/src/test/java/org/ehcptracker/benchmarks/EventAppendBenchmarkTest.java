package org.ehcptracker.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic and workload, which its printed ratios depend on. */
class EventAppendBenchmarkTest {

    @Test
    void commandsCarryOneTwoThreeEventsInTurn() {
        // 1+2+3 = 6 per three commands; 2,000 commands = 666 triples (3,996) + one command of 1 + one of 2 = 3,999
        assertThat(EventAppendBenchmark.eventsOf(2000)).isEqualTo(3999);
        assertThat(EventAppendBenchmark.eventsOf(3)).isEqualTo(6);
        assertThat(EventAppendBenchmark.eventsOf(4)).isEqualTo(7);
        List<EventAppendBenchmark.Command> commands = EventAppendBenchmark.commands(new Random(1), 2000);
        assertThat(commands.stream().mapToInt(c -> c.events().size()).sum()).isEqualTo(3999);
        assertThat(commands.get(2).events()).extracting(EventAppendBenchmark.EventData::caseId)
                .containsOnly(commands.get(2).streamId());
    }

    @Test
    void payloadsAreJsonObjectsOfTheDrawnSize() throws Exception {
        String payload = EventAppendBenchmark.payload(UUID.randomUUID(), 800, new Random(3));
        assertThat(payload).hasSize(800);
        assertThat(new ObjectMapper().readTree(payload).get("localAuthorityCode").asText()).isEqualTo("990");
    }

    @Test
    void ratiosAreTheMedianOfPerRoundRatios() {
        // rounds: 2/4 = 0.5, 9/10 = 0.9, 1/1 = 1.0 -> median 0.9 (not median(a)/median(b) = 2/4)
        assertThat(EventAppendBenchmark.medianRatio(List.of(2.0, 9.0, 1.0), List.of(4.0, 10.0, 1.0)))
                .isCloseTo(0.9, within(1e-9));
        assertThat(EventAppendBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }
}
