package dev.pulse.server.timer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The real clock's monotonic time starts at the wall time (stored session times keep their meaning) and never goes back. */
class SystemPulseClockTest
{
    @Test
    void shouldStartAtTheWallTimeAndNeverGoBack()
    {
        final long before = System.currentTimeMillis();
        final SystemPulseClock clock = new SystemPulseClock();
        long last = clock.monotonicMs();
        assertThat(last).isBetween(before, System.currentTimeMillis());
        for (int i = 0; i < 100_000; i++)
        {
            final long now = clock.monotonicMs();
            assertThat(now).isGreaterThanOrEqualTo(last);
            last = now;
        }
        assertThat(clock.wallMs()).isBetween(before, System.currentTimeMillis());
    }
}
