package dev.pulse.server.session;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweeper's pace: a pass takes a tenth of the expiry (1-30 s), keeps its cadence, and catches up when behind. */
class SweepPaceTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final int SEGMENTS = 64;
    private static final long MINUTE_MS = 60_000;

    @Test
    void shouldTakeATenthOfTheExpiryForAPassBetweenOneAndThirtySeconds()
    {
        assertThat(SweepPace.passMsFor(MINUTE_MS, SEGMENTS)).as("the shortest expiry a catalog allows").isEqualTo(6_000);
        assertThat(SweepPace.passMsFor(2 * MINUTE_MS, SEGMENTS)).isEqualTo(12_000);
        assertThat(SweepPace.passMsFor(30 * MINUTE_MS, SEGMENTS)).as("the default expiry").isEqualTo(30_000);
        assertThat(SweepPace.passMsFor(7 * 24 * 60 * MINUTE_MS, SEGMENTS)).isEqualTo(30_000);
        assertThat(SweepPace.passMsFor(5_000, SEGMENTS)).isEqualTo(1_000);
    }

    @Test
    void shouldGiveEachSegmentOfTheLargestMapAMillisecondAtLeast()
    {
        assertThat(SweepPace.passMsFor(MINUTE_MS, 8_192)).isEqualTo(8_192);
        assertThat(SweepPace.passMsFor(30 * MINUTE_MS, 8_192)).isEqualTo(30_000);
        final SweepPace pace = new SweepPace(8_192, T0);
        pace.startPass(T0, MINUTE_MS);
        long pausedMs = 0;
        for (int segment = 0; segment < 8_192; segment++)
        {
            final long pauseMs = pace.pauseAfterMs(segment, T0 + pausedMs);
            assertThat(pauseMs).as("segment %d", segment).isOne();
            pausedMs += pauseMs;
        }
    }

    @Test
    void shouldVisitEverySegmentOnceAPassWhenSweepsTakeNoTime()
    {
        final List<Long> visitsOfSegment5 = new ArrayList<>();
        final long endMs = walk(new SweepPace(SEGMENTS, T0), T0, 3, 0, visitsOfSegment5);

        assertThat(endMs - T0).as("three passes of 6 s").isEqualTo(3 * 6_000);
        assertThat(visitsOfSegment5.get(1) - visitsOfSegment5.get(0)).isEqualTo(6_000);
        assertThat(visitsOfSegment5.get(2) - visitsOfSegment5.get(1)).isEqualTo(6_000);
    }

    @Test
    void shouldKeepTheCadenceWhenSweepsTakeTime()
    {
        final List<Long> visitsOfSegment5 = new ArrayList<>();
        final long endMs = walk(new SweepPace(SEGMENTS, T0), T0, 3, 20, visitsOfSegment5);

        assertThat(endMs - T0).as("the pauses shrink by the sweeps' time: three passes of 6 s, one sweep behind")
            .isEqualTo(3 * 6_000 + 20);
        assertThat(visitsOfSegment5.get(1) - visitsOfSegment5.get(0)).isEqualTo(6_000);
        assertThat(visitsOfSegment5.get(2) - visitsOfSegment5.get(1)).isEqualTo(6_000);
    }

    @Test
    void shouldHurryWithoutPausesWhenBehindAndForgiveDebtOlderThanAPass()
    {
        final SweepPace pace = new SweepPace(SEGMENTS, T0);
        pace.startPass(T0, MINUTE_MS);
        assertThat(pace.pauseAfterMs(0, T0)).isPositive();
        // A stall of ten passes in the middle of one.
        final long lateMs = T0 + 60_000;
        for (int segment = 1; segment < SEGMENTS; segment++)
        {
            assertThat(pace.pauseAfterMs(segment, lateMs)).as("the rest of the late pass, segment %d", segment).isZero();
        }
        pace.startPass(lateMs, MINUTE_MS);
        for (int segment = 0; segment < SEGMENTS - 1; segment++)
        {
            assertThat(pace.pauseAfterMs(segment, lateMs)).as("one hurried pass more, segment %d", segment).isZero();
        }
        pace.startPass(lateMs, MINUTE_MS);
        assertThat(pace.pauseAfterMs(0, lateMs)).as("then on cadence again, not nine passes more").isEqualTo(6_000 / SEGMENTS);
    }

    @Test
    void shouldHurryTheFirstPassWhenTheClockMovedOnSinceTheSweeperWasMade()
    {
        final SweepPace pace = new SweepPace(SEGMENTS, T0);
        pace.startPass(T0 + 29 * MINUTE_MS, 30 * MINUTE_MS);
        for (int segment = 0; segment < SEGMENTS - 1; segment++)
        {
            assertThat(pace.pauseAfterMs(segment, T0 + 29 * MINUTE_MS)).as("segment %d", segment).isZero();
        }
    }

    @Test
    void shouldNeverPauseLongerThanASegmentsShareWhileTheClockStandsStill()
    {
        final SweepPace pace = new SweepPace(SEGMENTS, T0);
        for (int pass = 0; pass < 3; pass++)
        {
            pace.startPass(T0, 30 * MINUTE_MS);
            for (int segment = 0; segment < SEGMENTS; segment++)
            {
                assertThat(pace.pauseAfterMs(segment, T0)).isBetween(1L, 30_000L / SEGMENTS + 1);
            }
        }
    }

    @Test
    void shouldFollowAReloadedExpiryFromTheNextPass()
    {
        final SweepPace pace = new SweepPace(SEGMENTS, T0);
        pace.startPass(T0, 30 * MINUTE_MS);
        assertThat(pace.passMs()).isEqualTo(30_000);
        final long endMs = walkPass(pace, T0, 0, new ArrayList<>());
        pace.startPass(endMs, MINUTE_MS);
        assertThat(pace.passMs()).isEqualTo(6_000);
        assertThat(walkPass(pace, endMs, 0, new ArrayList<>()) - endMs).isEqualTo(6_000);
    }

    /** Walks {@code passes} passes on a clock moved by each sweep ({@code sweepMs}) and each pause; returns the time at the end. */
    private static long walk(final SweepPace pace, final long startMs, final int passes, final long sweepMs, final List<Long> visitsOfSegment5)
    {
        long nowMs = startMs;
        for (int pass = 0; pass < passes; pass++)
        {
            pace.startPass(nowMs, MINUTE_MS);
            nowMs = walkPass(pace, nowMs, sweepMs, visitsOfSegment5);
        }
        return nowMs;
    }

    private static long walkPass(final SweepPace pace, final long startMs, final long sweepMs, final List<Long> visitsOfSegment5)
    {
        long nowMs = startMs;
        for (int segment = 0; segment < SEGMENTS; segment++)
        {
            if (segment == 5)
            {
                visitsOfSegment5.add(nowMs);
            }
            // As the sweeper: the time is read before the sweep, and the pause computed from it after the sweep.
            nowMs = nowMs + sweepMs + pace.pauseAfterMs(segment, nowMs);
        }
        return nowMs;
    }
}
