package dev.pulse.server.timer;

import java.util.concurrent.TimeUnit;

/**
 * The real clock: the monotonic time is the wall clock read once at start plus the
 * {@link System#nanoTime()} elapsed since, so within a process it never steps, and it starts at
 * the wall time so the times stored in the session map (written by an earlier run) still compare.
 *
 * <p>Across a restart the new process re-anchors on its own wall clock, so a wall-clock step
 * between two runs moves every stored time by the step: a step back leaves the stored times in
 * the future, and the sessions' deadlines and expiries come late by the step (never early: the
 * core takes an event stamped before a session's last as at its last time); a step forward is
 * indistinguishable from downtime of that length, so idle sessions expire and windows stall as if
 * that much time had passed.
 */
public final class SystemPulseClock implements PulseClock
{
    private final long startWallMs;
    private final long startNanos;

    public SystemPulseClock()
    {
        startNanos = System.nanoTime();
        startWallMs = System.currentTimeMillis();
    }

    @Override
    public long monotonicMs()
    {
        return startWallMs + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public long wallMs()
    {
        return System.currentTimeMillis();
    }
}
