package dev.pulse.server.ws;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogThrottleTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldLogABurstThenOneLinePerIntervalCountingWhatItLeftOut()
    {
        final LogThrottle throttle = new LogThrottle(3, 10, TimeUnit.SECONDS);
        final long startNs = System.nanoTime();

        assertThat(throttle.take(startNs)).isZero();
        assertThat(throttle.take(startNs)).isZero();
        assertThat(throttle.take(startNs + 1)).isZero();
        assertThat(throttle.take(startNs + 2)).isEqualTo(LogThrottle.QUIET);
        assertThat(throttle.take(startNs + 5 * SECOND_NS)).isEqualTo(LogThrottle.QUIET);
        assertThat(throttle.take(startNs + 10 * SECOND_NS)).as("a line's worth refilled, with the count left out").isEqualTo(2);
        assertThat(throttle.take(startNs + 11 * SECOND_NS)).isEqualTo(LogThrottle.QUIET);
        assertThat(throttle.take(startNs + 100 * SECOND_NS)).isEqualTo(1);
        assertThat(throttle.take(startNs + 100 * SECOND_NS)).as("quiet time refills the burst").isZero();
        assertThat(throttle.take(startNs + 100 * SECOND_NS)).isZero();
        assertThat(throttle.take(startNs + 100 * SECOND_NS)).isEqualTo(LogThrottle.QUIET);
    }
}
