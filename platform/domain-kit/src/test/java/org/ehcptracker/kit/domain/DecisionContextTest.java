package org.ehcptracker.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionContextTest {

    @Test
    void a_sequence_gives_predictable_ids_in_order() {
        var ctx = new DecisionContext(LocalDate.of(2025, 1, 6), Instant.parse("2025-01-06T10:00:00Z"), EventIds.sequence());
        assertThat(List.of(ctx.nextEventId(), ctx.nextEventId()))
                .containsExactly(new UUID(0, 1), new UUID(0, 2));
    }

    @Test
    void pinned_ids_run_out_loudly() {
        UUID only = UUID.randomUUID();
        EventIds ids = EventIds.of(only);
        assertThat(ids.next()).isEqualTo(only);
        assertThatThrownBy(ids::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_aggregate_type_folds_events_with_its_evolve() {
        var counter = new AggregateType<Integer, String>("counter", String.class, 0, (n, e) -> n + e.length());
        assertThat(counter.rebuild(List.of("ab", "cde"))).isEqualTo(5);
        assertThat(counter.evolve(5, List.of("x"))).isEqualTo(6);
        assertThat(counter.rebuild(List.of())).isZero();
    }
}
