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
 * stands still otherwise. It counts the reads of each thread, so a test can wait until
 * an event loop's tick or the sweeper has looked at the clock since a change
 * ({@link #awaitReads}) instead of sleeping.
 */
public final class FakePulseClock implements PulseClock
{
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicLong monotonicMs;
    private final AtomicLong wallMs;
    private final Map<String, LongAdder> readsByThread = new ConcurrentHashMap<>();

    public FakePulseClock(final long startMs)
    {
        monotonicMs = new AtomicLong(startMs);
        wallMs = new AtomicLong(startMs);
    }

    @Override
    public long monotonicMs()
    {
        countRead();
        return monotonicMs.get();
    }

    @Override
    public long wallMs()
    {
        countRead();
        return wallMs.get();
    }

    /** Counted before the time is read: a read counted after a change sees the change. */
    private void countRead()
    {
        readsByThread.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder()).increment();
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

    /** The reads (of either time) so far by threads whose name contains {@code threadName}. */
    public long reads(final String threadName)
    {
        long reads = 0;
        for (final Map.Entry<String, LongAdder> entry : readsByThread.entrySet())
        {
            if (entry.getKey().contains(threadName))
            {
                reads += entry.getValue().sum();
            }
        }
        return reads;
    }

    /**
     * Waits until threads whose name contains {@code threadName} have read the clock {@code reads}
     * more times than {@code since} (an earlier {@link #reads}, taken after the last change): each
     * of those reads saw the change, and all but the last have been acted on.
     */
    public void awaitReads(final String threadName, final long since, final int reads) throws InterruptedException
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (reads(threadName) < since + reads)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError(threadName + " read the clock " + (reads(threadName) - since) + " times, not " + reads
                    + ", within " + WAIT + "; readers: " + readsByThread.keySet());
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
