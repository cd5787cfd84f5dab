package dev.pulse.server.ws;

import java.util.concurrent.TimeUnit;

/**
 * A bound on the log lines about something that can happen on every connection (a client at its
 * address's cap, a proxy that sends no PROXY header): a burst of lines at once, then one per
 * interval; the occurrences in between are counted and the count goes into the next line, so a
 * flood cannot flood the log. Thread-safe: every event loop calls in, only on refusals.
 */
final class LogThrottle
{
    /** What {@link #take} returns when this occurrence is not to be logged. */
    static final long QUIET = -1;

    private final long intervalNs;
    private final long burstNs;
    /** When the bucket would be empty again if no more lines were logged (GCRA's theoretical arrival time). */
    private long emptyAtNs;
    private long unlogged;

    /** @param burst lines logged at once before the pace of one per {@code interval} applies. */
    LogThrottle(final int burst, final long interval, final TimeUnit unit)
    {
        this.intervalNs = unit.toNanos(interval);
        this.burstNs = intervalNs * burst;
        this.emptyAtNs = System.nanoTime();
    }

    /** For an occurrence at {@code nowNs}: how many went unlogged since the last line if this one is to be logged, else {@link #QUIET}. */
    synchronized long take(final long nowNs)
    {
        final long fromNs = emptyAtNs - nowNs > 0 ? emptyAtNs : nowNs;
        if (fromNs + intervalNs - nowNs > burstNs)
        {
            unlogged++;
            return QUIET;
        }
        emptyAtNs = fromNs + intervalNs;
        final long skipped = unlogged;
        unlogged = 0;
        return skipped;
    }
}
