package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.server.timer.LoopTimers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's read timeout on the loop's wheel: silent for the timeout, it fires (never before),
 * and again every timeout while silence lasts; a read pushes it back without touching the wheel.
 */
class ReadTimeoutTest
{
    private static final long TIMEOUT_MS = 1_000;

    private final LoopTimers timers = new LoopTimers(0);
    private final List<Long> silentAtMs = new ArrayList<>();
    private long nowMs;
    private final ReadTimeout timeout = new ReadTimeout(TIMEOUT_MS, () -> silentAtMs.add(nowMs));

    @Test
    void shouldFireOnceSilentForTheTimeoutAndNeverBefore()
    {
        timeout.start(timers, 0);

        tickTo(996);
        assertThat(silentAtMs).isEmpty();
        tickTo(1_004);
        assertThat(silentAtMs).hasSize(1);
        assertThat(silentAtMs.get(0)).isGreaterThanOrEqualTo(TIMEOUT_MS);
    }

    @Test
    void shouldCountFromTheLastReadWithoutReArmingOnEachRead()
    {
        timeout.start(timers, 0);
        for (long readMs = 100; readMs <= 2_000; readMs += 100)
        {
            tickTo(readMs);
            timeout.onRead(readMs);
        }
        assertThat(timers.armed()).as("one timer, however many reads").isEqualTo(1);

        tickTo(2_996);
        assertThat(silentAtMs).as("talking keeps it open").isEmpty();
        tickTo(3_100);
        assertThat(silentAtMs).hasSize(1);
        assertThat(silentAtMs.get(0)).as("a timeout after the last read").isGreaterThanOrEqualTo(3_000);
    }

    @Test
    void shouldFireAgainEachTimeoutWhileSilenceLasts()
    {
        timeout.start(timers, 0);

        tickTo(1_004);
        tickTo(2_008);
        tickTo(3_012);

        assertThat(silentAtMs).hasSize(3);
    }

    @Test
    void shouldLeaveNothingOnTheWheelOnceCancelled()
    {
        timeout.start(timers, 0);

        timeout.cancel();
        tickTo(10_000);

        assertThat(silentAtMs).isEmpty();
        assertThat(timers.armed()).isZero();
    }

    @Test
    void shouldNeverFireWithATimeoutOfZero()
    {
        final ReadTimeout disabled = new ReadTimeout(0, () -> silentAtMs.add(nowMs));

        disabled.start(timers, 0);
        tickTo(10_000);

        assertThat(silentAtMs).isEmpty();
        assertThat(timers.armed()).isZero();
    }

    private void tickTo(final long ms)
    {
        nowMs = ms;
        timers.tick(ms);
    }
}
