package org.ehcptracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldBackRecheckTest {

    @Test
    void nothing_held_back_waits_for_a_notify_or_the_poll_interval() {
        HeldBackRecheck recheck = new HeldBackRecheck(2_000);
        assertThat(recheck.afterRound(false, true)).isEqualTo(2_000);
        assertThat(recheck.afterRound(false, false)).isEqualTo(2_000);
    }

    @Test
    void a_hold_without_progress_backs_off_to_the_poll_interval() {
        HeldBackRecheck recheck = new HeldBackRecheck(2_000);
        // 50, 100, 200, 400, 800, 1600, then capped at 2000
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = recheck.afterRound(true, false);
        }
        assertThat(waits).containsExactly(50, 100, 200, 400, 800, 1_600, 2_000, 2_000);
    }

    @Test
    void a_hold_that_moves_on_is_checked_again_soon_however_long_the_load_lasts() {
        // steady load: every round publishes some events and ends held back by a newer short transaction
        HeldBackRecheck recheck = new HeldBackRecheck(2_000);
        for (int round = 0; round < 100; round++) {
            assertThat(recheck.afterRound(true, true)).as("round %d", round).isEqualTo(50);
        }
        // the burst's last event, held back once more with nothing published: still soon
        assertThat(recheck.afterRound(true, false)).isEqualTo(100);
    }

    @Test
    void progress_after_a_long_hold_starts_the_backoff_again() {
        HeldBackRecheck recheck = new HeldBackRecheck(2_000);
        for (int i = 0; i < 10; i++) {
            recheck.afterRound(true, false);
        }
        assertThat(recheck.afterRound(true, false)).isEqualTo(2_000);
        assertThat(recheck.afterRound(true, true)).isEqualTo(50);
        assertThat(recheck.afterRound(false, false)).isEqualTo(2_000);
        assertThat(recheck.afterRound(true, false)).isEqualTo(50);
    }

    @Test
    void a_poll_interval_below_the_first_wait_caps_it() {
        HeldBackRecheck recheck = new HeldBackRecheck(20);
        assertThat(recheck.afterRound(true, true)).isEqualTo(20);
        assertThat(recheck.afterRound(true, false)).isEqualTo(20);
    }
}
