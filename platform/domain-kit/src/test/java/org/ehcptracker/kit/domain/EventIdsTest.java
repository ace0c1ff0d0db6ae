package org.ehcptracker.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The services' time-ordered event ids (decision 26): UUID version 7 of RFC 9562. */
class EventIdsTest {

    @Test
    void a_time_ordered_id_is_a_version_7_uuid_whose_first_48_bits_are_the_clocks_milliseconds() {
        // 2025-03-14T09:26:53.589Z is 1,741,944,413,589 ms after the epoch = 0x0195_93FA_5D95 (48 bits)
        Instant at = Instant.parse("2025-03-14T09:26:53.589Z");
        assertThat(at.toEpochMilli()).isEqualTo(0x019593FA5D95L);

        UUID id = EventIds.timeOrdered(Clock.fixed(at, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562's variant (10xx)
        assertThat(id.toString()).startsWith("019593fa-5d95-7");
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void ids_made_later_sort_after_earlier_ones_and_ids_of_the_same_millisecond_differ() {
        Instant start = Instant.parse("2026-11-29T10:00:00Z");
        List<UUID> ids = new ArrayList<>();
        for (int ms = 0; ms < 50; ms++) {
            ids.add(EventIds.timeOrdered(Clock.fixed(start.plusMillis(ms), ZoneOffset.UTC)).next());
        }
        // UUID.compareTo compares the most significant bits as signed longs: fine until the year 6429
        assertThat(ids).isSorted();

        EventIds sameMillisecond = EventIds.timeOrdered(Clock.fixed(start, ZoneOffset.UTC));
        var many = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            many.add(sameMillisecond.next());
        }
        assertThat(many).hasSize(10_000);
    }

    @Test
    void a_seeded_version_7_id_is_the_same_for_the_same_time_and_random_bits() {
        UUID a = EventIds.version7(1_577_872_800_000L, 0x123L, 0x0FEDCBA987654321L);
        // 2020-01-01T10:00:00Z = 1,577,872,800,000 ms = 0x016F_608C_3900
        assertThat(a.toString()).isEqualTo("016f608c-3900-7123-8fed-cba987654321");
        assertThat(EventIds.version7(1_577_872_800_000L, 0x123L, 0x0FEDCBA987654321L)).isEqualTo(a);
        assertThatThrownBy(() -> EventIds.version7(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("48 bits");
    }
}
