package dev.pulse.server.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.pulse.server.timer.PulseClock;

/**
 * A clock the test drives: {@link #advanceMs} moves monotonic and wall time together (time
 * passing), {@link #stepWallMs} moves the wall clock alone (an operator or NTP stepping it). Time
 * stands still otherwise. It counts the monotonic reads of each thread, so a test can wait until
 * an event loop's tick or the sweeper has looked at the clock since a change
 * ({@link #awaitReads}) instead of sleeping.
 */
public final class FakePulseClock implements PulseClock
{
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicLong monotonicMs;
    private final AtomicLong wallMs;
    private final Map<String, LongAdder> monotonicReadsByThread = new ConcurrentHashMap<>();

    public FakePulseClock(final long startMs)
    {
        monotonicMs = new AtomicLong(startMs);
        wallMs = new AtomicLong(startMs);
    }

    @Override
    public long monotonicMs()
    {
        monotonicReadsByThread.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder()).increment();
        return monotonicMs.get();
    }

    @Override
    public long wallMs()
    {
        return wallMs.get();
    }

    /** Time passes: both clocks move on by {@code ms}. */
    public void advanceMs(final long ms)
    {
        wallMs.addAndGet(ms);
        monotonicMs.addAndGet(ms);
    }

    /** The wall clock is stepped by {@code ms} (negative: back); no time passes. */
    public void stepWallMs(final long ms)
    {
        wallMs.addAndGet(ms);
    }

    /** The monotonic reads so far by threads whose name contains {@code threadName}. */
    public long reads(final String threadName)
    {
        long reads = 0;
        for (final Map.Entry<String, LongAdder> entry : monotonicReadsByThread.entrySet())
        {
            if (entry.getKey().contains(threadName))
            {
                reads += entry.getValue().sum();
            }
        }
        return reads;
    }

    /**
     * Waits until threads whose name contains {@code threadName} have read the monotonic time
     * {@code reads} more times than {@code since} (an earlier {@link #reads}): with two or more,
     * at least one whole read started after the call that returned {@code since}.
     */
    public void awaitReads(final String threadName, final long since, final int reads) throws InterruptedException
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (reads(threadName) < since + reads)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError(threadName + " read the clock " + (reads(threadName) - since) + " times, not " + reads
                    + ", within " + WAIT + "; readers: " + monotonicReadsByThread.keySet());
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
