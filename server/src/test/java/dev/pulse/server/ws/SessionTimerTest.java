package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.detect.detector.Detector;
import dev.pulse.server.timer.LoopTimers;
import dev.pulse.server.timer.TimerTarget;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection keeps at most one loop timer, for its session's earliest deadline. */
class SessionTimerTest
{
    private final LoopTimers timers = new LoopTimers(0);
    private final List<Long> firedAtMs = new ArrayList<>();
    private final List<Long> latenessesMs = new ArrayList<>();
    private SessionTimer timer;
    private final TimerTarget target = (timerId, nowMs) ->
    {
        final long latenessMs = timer.fired(timerId, nowMs);
        if (latenessMs != SessionTimer.STALE)
        {
            firedAtMs.add(nowMs - latenessMs);
            latenessesMs.add(latenessMs);
        }
    };

    SessionTimerTest()
    {
        timer = new SessionTimer(target);
        timer.attach(timers);
    }

    @Test
    void shouldFireAtTheArmedDeadlineOnce()
    {
        timer.arm(100);

        timers.tick(96);
        assertThat(firedAtMs).isEmpty();
        timers.tick(120);
        assertThat(firedAtMs).containsExactly(100L);
        timers.tick(10_000);
        assertThat(firedAtMs).containsExactly(100L);
    }

    @Test
    void shouldReplaceALaterDeadlineWithAnEarlierOne()
    {
        timer.arm(1_000);
        timer.arm(100);

        timers.tick(2_000);
        assertThat(firedAtMs).containsExactly(100L);
        assertThat(timers.armed()).isZero();
    }

    @Test
    void shouldKeepTheEarlierDeadlineWhenALaterOneIsArmed()
    {
        timer.arm(100);
        timer.arm(1_000);
        timer.arm(Detector.NO_DEADLINE);

        assertThat(timers.armed()).isEqualTo(1);
        timers.tick(2_000);
        assertThat(firedAtMs).containsExactly(100L);
    }

    @Test
    void shouldTellHowLateItFired()
    {
        timer.arm(100);

        timers.tick(137);
        assertThat(latenessesMs).hasSize(1);
        assertThat(latenessesMs.get(0)).isBetween(0L, 37L);
    }

    @Test
    void shouldIgnoreATimerThatIsNotTheArmedOne()
    {
        timer.arm(100);

        assertThat(timer.fired(12_345, 150)).isEqualTo(SessionTimer.STALE);
        timers.tick(200);
        assertThat(firedAtMs).containsExactly(100L);
    }

    @Test
    void shouldNotFireOnceCancelled()
    {
        timer.arm(100);
        timer.cancel();

        timers.tick(2_000);
        assertThat(firedAtMs).isEmpty();
        assertThat(timers.armed()).isZero();
        timer.cancel();
    }

    @Test
    void shouldArmAgainAfterFiring()
    {
        timer.arm(100);
        timers.tick(200);
        timer.arm(300);

        timers.tick(400);
        assertThat(firedAtMs).containsExactly(100L, 300L);
    }
}
