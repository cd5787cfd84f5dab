package dev.pulse.server.ws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The drop, report and close policy of a connection's rate limit, on a fake clock. */
class RateLimiterTest
{
    private static final long MS = 1_000_000L;
    private static final long START_NANOS = 1_000 * MS;

    @Test
    void shouldAdmitABurstThenDropAndReportOnce()
    {
        final RateLimiter limiter = new RateLimiter(10, 3, 5_000, START_NANOS);

        assertThat(limiter.admit(START_NANOS)).isEqualTo(RateLimiter.Verdict.ADMIT);
        assertThat(limiter.admit(START_NANOS)).isEqualTo(RateLimiter.Verdict.ADMIT);
        assertThat(limiter.admit(START_NANOS)).isEqualTo(RateLimiter.Verdict.ADMIT);
        assertThat(limiter.admit(START_NANOS)).as("over the burst: the client is told").isEqualTo(RateLimiter.Verdict.DROP_AND_REPORT);
        assertThat(limiter.admit(START_NANOS + MS)).as("told at most once a second").isEqualTo(RateLimiter.Verdict.DROP);
    }

    @Test
    void shouldRefillAtTheSustainedRate()
    {
        final RateLimiter limiter = new RateLimiter(10, 1, 5_000, START_NANOS);
        assertThat(limiter.admit(START_NANOS)).isEqualTo(RateLimiter.Verdict.ADMIT);

        assertThat(limiter.admit(START_NANOS + 99 * MS)).as("a token takes 100 ms at 10/s").isNotEqualTo(RateLimiter.Verdict.ADMIT);
        assertThat(limiter.admit(START_NANOS + 200 * MS)).isEqualTo(RateLimiter.Verdict.ADMIT);
    }

    @Test
    void shouldReportAgainASecondAfterTheLastReport()
    {
        final RateLimiter limiter = new RateLimiter(1, 1, 60_000, START_NANOS);
        limiter.admit(START_NANOS);
        assertThat(limiter.admit(START_NANOS)).isEqualTo(RateLimiter.Verdict.DROP_AND_REPORT);

        assertThat(limiter.admit(START_NANOS + 500 * MS)).isEqualTo(RateLimiter.Verdict.DROP);
        assertThat(limiter.admit(START_NANOS + 999 * MS)).as("999 ms after the report").isEqualTo(RateLimiter.Verdict.DROP);
        assertThat(limiter.admit(START_NANOS + 1_050 * MS)).as("the refilled token").isEqualTo(RateLimiter.Verdict.ADMIT);
        assertThat(limiter.admit(START_NANOS + 1_050 * MS)).isEqualTo(RateLimiter.Verdict.DROP_AND_REPORT);
    }

    @Test
    void shouldCloseOnceDroppingHasLastedTheCloseTime()
    {
        final RateLimiter limiter = new RateLimiter(1, 1, 1_500, START_NANOS);
        limiter.admit(START_NANOS);

        for (long nowNanos = START_NANOS; nowNanos < START_NANOS + 1_500 * MS; nowNanos += 100 * MS)
        {
            // About once a second the refill lets one message through; the period of dropping goes on.
            assertThat(limiter.admit(nowNanos)).isNotEqualTo(RateLimiter.Verdict.CLOSE);
            assertThat(limiter.admit(nowNanos)).isNotEqualTo(RateLimiter.Verdict.CLOSE);
        }
        assertThat(limiter.admit(START_NANOS + 1_500 * MS)).isEqualTo(RateLimiter.Verdict.CLOSE);
    }

    @Test
    void shouldStartANewPeriodOfDroppingAfterASecondWithoutDrops()
    {
        final RateLimiter limiter = new RateLimiter(1, 1, 1_500, START_NANOS);
        limiter.admit(START_NANOS);
        assertThat(limiter.admit(START_NANOS)).isNotEqualTo(RateLimiter.Verdict.ADMIT);

        // No drop for over a second: the period of dropping that starts now is a new one.
        assertThat(limiter.admit(START_NANOS + 1_100 * MS)).isEqualTo(RateLimiter.Verdict.ADMIT);
        for (long nowNanos = START_NANOS + 1_200 * MS; nowNanos < START_NANOS + 2_700 * MS; nowNanos += 100 * MS)
        {
            assertThat(limiter.admit(nowNanos)).as("1.5 s after the first drop, but not into this period").isNotEqualTo(RateLimiter.Verdict.CLOSE);
            assertThat(limiter.admit(nowNanos)).isNotEqualTo(RateLimiter.Verdict.CLOSE);
        }
        assertThat(limiter.admit(START_NANOS + 2_700 * MS)).isEqualTo(RateLimiter.Verdict.CLOSE);
    }

    @Test
    void shouldNeverCloseAConnectionWithinItsRate()
    {
        final RateLimiter limiter = new RateLimiter(10, 1, 100, START_NANOS);
        for (long nowNanos = START_NANOS; nowNanos < START_NANOS + 10_000 * MS; nowNanos += 101 * MS)
        {
            assertThat(limiter.admit(nowNanos)).isEqualTo(RateLimiter.Verdict.ADMIT);
        }
    }
}
