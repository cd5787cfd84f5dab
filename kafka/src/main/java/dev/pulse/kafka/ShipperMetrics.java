package dev.pulse.kafka;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the shipper reports, read by the server's {@code /metrics} from any thread; written by the
 * shipper's thread (lag, state) and the producer's callbacks (shipped records and bytes).
 * <ul>
 *   <li>lag: records and bytes written to the journal and not yet acknowledged by Kafka, and the
 *   journal time of the oldest of them (0 when nothing is behind);</li>
 *   <li>shipped records and bytes (frames as on disk), failures (each a start over from the
 *   offset), the wall time of the last acknowledgement;</li>
 *   <li>stopped: shipping gave up for good (a wrong topic, a record Kafka refuses), with why.</li>
 * </ul>
 */
public final class ShipperMetrics
{
    private final AtomicLong recordsShipped = new AtomicLong();
    private final AtomicLong bytesShipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastSuccessMs;
    private volatile long lagRecords;
    private volatile long lagBytes;
    private volatile long oldestUnshippedMs;
    private volatile String stoppedBecause;

    public long recordsShipped()
    {
        return recordsShipped.get();
    }

    public long bytesShipped()
    {
        return bytesShipped.get();
    }

    /** Times shipping failed and started over from the offset (or stopped). */
    public long failures()
    {
        return failures.get();
    }

    /** Wall-clock ms of the last record Kafka acknowledged; 0 before the first. */
    public long lastSuccessMs()
    {
        return lastSuccessMs;
    }

    /** Records in the journal not yet acknowledged by Kafka. */
    public long lagRecords()
    {
        return lagRecords;
    }

    /** Bytes of those records (frames as on disk). */
    public long lagBytes()
    {
        return lagBytes;
    }

    /** The journal time (wall ms) of the oldest record not yet acknowledged; 0 when none is behind. */
    public long oldestUnshippedMs()
    {
        return oldestUnshippedMs;
    }

    /** Seconds the oldest unshipped record has waited at {@code nowMs}; 0 when none is behind. */
    public long lagSeconds(final long nowMs)
    {
        final long oldest = oldestUnshippedMs;
        return oldest == 0 ? 0 : Math.max(0, (nowMs - oldest) / 1000);
    }

    /** Why shipping stopped for good; null while it runs. */
    public String stoppedBecause()
    {
        return stoppedBecause;
    }

    public boolean stopped()
    {
        return stoppedBecause != null;
    }

    void shipped(final int bytes, final long nowMs)
    {
        recordsShipped.incrementAndGet();
        bytesShipped.addAndGet(bytes);
        lastSuccessMs = nowMs;
    }

    void failed()
    {
        failures.incrementAndGet();
    }

    void lag(final long records, final long bytes, final long oldestMs)
    {
        lagRecords = records;
        lagBytes = bytes;
        oldestUnshippedMs = oldestMs;
    }

    void stop(final String because)
    {
        stoppedBecause = because;
    }
}
