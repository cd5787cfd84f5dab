package dev.pulse.server.ws;

import dev.pulse.server.timer.LoopTimers;
import dev.pulse.server.timer.TimerTarget;

/**
 * One connection's read timeout on its loop's timer wheel: {@code onSilent} runs once the
 * connection has read nothing for {@code timeoutMs}, and again every {@code timeoutMs} while it
 * stays silent (and open). A read only notes the time ({@link #onRead}); the one timer is re-armed
 * when it fires, at the last read plus the timeout, so a talking connection costs one timer
 * firing per timeout, not a reschedule per read. This replaces Netty's {@code IdleStateHandler},
 * which was one more handler every frame passed through. A timeout of 0 or less disables it.
 *
 * <p>Not thread-safe: owned by the connection's event loop.
 */
final class ReadTimeout implements TimerTarget
{
    private static final long NO_TIMER = -1;

    private final long timeoutMs;
    private final Runnable onSilent;
    private LoopTimers timers;
    private long timerId = NO_TIMER;
    private long lastReadMs;

    /** @param onSilent what a silent connection gets (a close); runs on the loop, from its timer wheel. */
    ReadTimeout(final long timeoutMs, final Runnable onSilent)
    {
        this.timeoutMs = timeoutMs;
        this.onSilent = onSilent;
    }

    /** Starts counting at {@code nowMs} on the loop's wheel (the connection was opened). */
    void start(final LoopTimers timers, final long nowMs)
    {
        this.timers = timers;
        lastReadMs = nowMs;
        if (timeoutMs > 0 && timerId == NO_TIMER)
        {
            timerId = timers.schedule(this, nowMs + timeoutMs);
        }
    }

    /** The connection read something at {@code nowMs}: no timer work, the armed timer looks when it fires. */
    void onRead(final long nowMs)
    {
        lastReadMs = nowMs;
    }

    @Override
    public void onTimer(final long firedTimerId, final long nowMs)
    {
        if (firedTimerId != timerId)
        {
            return;
        }
        final long silentUntilMs = lastReadMs + timeoutMs;
        if (nowMs >= silentUntilMs)
        {
            timerId = timers.schedule(this, nowMs + timeoutMs);
            onSilent.run();
        }
        else
        {
            timerId = timers.schedule(this, silentUntilMs);
        }
    }

    /** The connection ended: its timer is called off, so the wheel keeps nothing of it. */
    void cancel()
    {
        if (timerId != NO_TIMER)
        {
            timers.cancel(timerId);
            timerId = NO_TIMER;
        }
    }
}
