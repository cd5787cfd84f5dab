package dev.pulse.server.ws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * At most one log line per interval for something that can happen on every connection (a client
 * at its address's cap, a proxy that sends no PROXY header): the first occurrence is logged at
 * once, the rest are counted and the count goes into the next line, so a flood cannot flood the
 * log. Thread-safe: every event loop calls in.
 */
final class LogThrottle
{
    /** What {@link #take} returns when this occurrence is not to be logged. */
    static final long QUIET = -1;

    private final long intervalNs;
    private final AtomicLong nextNs;
    private final LongAdder unlogged = new LongAdder();

    LogThrottle(final long interval, final TimeUnit unit)
    {
        this.intervalNs = unit.toNanos(interval);
        this.nextNs = new AtomicLong(System.nanoTime());
    }

    /** For an occurrence at {@code nowNs}: how many went unlogged since the last line if this one is to be logged, else {@link #QUIET}. */
    long take(final long nowNs)
    {
        final long dueNs = nextNs.get();
        if (nowNs - dueNs >= 0 && nextNs.compareAndSet(dueNs, nowNs + intervalNs))
        {
            return unlogged.sumThenReset();
        }
        unlogged.increment();
        return QUIET;
    }
}
