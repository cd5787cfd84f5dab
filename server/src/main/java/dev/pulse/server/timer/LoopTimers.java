package dev.pulse.server.timer;

import java.util.concurrent.TimeUnit;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The timers of one event loop (sessions' idle deadlines, deferred questions, connections' read
 * timeouts): an Agrona
 * {@link DeadlineTimerWheel} ticked from the loop itself, so arming, cancelling and firing take
 * no lock and allocate nothing once the target map has grown. A timer is a hint: its target
 * re-checks the session state when it fires.
 *
 * <p>Not thread-safe: owned by one event loop.
 */
public final class LoopTimers implements DeadlineTimerWheel.TimerHandler
{
    /** Ticks of 4 ms, 1,024 to a turn of the wheel (about 4 s); later deadlines take more turns. */
    static final long TICK_MS = 4;
    static final int TICKS_PER_WHEEL = 1_024;
    private static final int MAX_EXPIRIES_PER_TICK = 4_096;

    private final DeadlineTimerWheel wheel;
    private final Long2ObjectHashMap<TimerTarget> targets = new Long2ObjectHashMap<>();

    public LoopTimers(final long startMs)
    {
        wheel = new DeadlineTimerWheel(TimeUnit.MILLISECONDS, startMs, TICK_MS, TICKS_PER_WHEEL);
    }

    /** Arms a timer; returns its id. */
    public long schedule(final TimerTarget target, final long deadlineMs)
    {
        final long timerId = wheel.scheduleTimer(deadlineMs);
        targets.put(timerId, target);
        return timerId;
    }

    public void cancel(final long timerId)
    {
        if (targets.remove(timerId) != null)
        {
            wheel.cancelTimer(timerId);
        }
    }

    /** Fires every timer due at {@code nowMs}, catching up on ticks missed while the loop was busy. */
    public int tick(final long nowMs)
    {
        int fired = 0;
        int polls = 0;
        do
        {
            fired += wheel.poll(nowMs, this, MAX_EXPIRIES_PER_TICK);
        }
        while (wheel.currentTickTime() <= nowMs && ++polls < TICKS_PER_WHEEL);
        return fired;
    }

    public int armed()
    {
        return targets.size();
    }

    @Override
    public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final TimerTarget target = targets.remove(timerId);
        if (target != null)
        {
            target.onTimer(timerId, now);
        }
        return true;
    }
}
