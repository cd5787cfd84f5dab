package dev.pulse.server.timer;

/**
 * The server's two times. Every deadline and elapsed time (idle deadlines, deferrals and page
 * grace, outcome windows, session expiry, the timer wheels) runs on {@link #monotonicMs()}, which
 * never steps within a process; the wall clock ({@link #wallMs()}) only stamps journal records
 * and checks the expiry of hello tokens (both are promises about the calendar, not about elapsed
 * time). Netty's own schedules (write stall, close grace) and the rate limiters already run on
 * {@link System#nanoTime()}, which is monotonic too.
 *
 * <p>Implementations are thread-safe: one clock serves every event loop and the sweeper.
 */
public interface PulseClock
{
    /**
     * Milliseconds on the session clock: never steps back or jumps within a process, and starts
     * near the wall clock so the session map's stored times keep their meaning across a restart
     * (see {@link SystemPulseClock} for what a clock step between two runs does).
     */
    long monotonicMs();

    /** Milliseconds since the epoch by the wall clock, which may step either way: for record timestamps only. */
    long wallMs();
}
