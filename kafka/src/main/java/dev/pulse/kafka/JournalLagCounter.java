package dev.pulse.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.TailPosition;

/**
 * Counts the records and bytes a journal holds from a position on, as they are written, so the
 * shipper can say how far behind it is in records even while Kafka is down and it reads nothing:
 * a second tail that runs to the journal's end on each {@link #advance}, counting as it goes. Each
 * record is read once more than shipping needs (from the page cache), a second a time.
 * Not thread-safe: the shipper's thread only.
 */
final class JournalLagCounter implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalLagCounter.class);
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** Records counted per measure at most, so a long way behind is caught up over several. */
    private static final int COUNT_LIMIT = 200_000;

    private final Path journalDir;
    private final JournalTail tail;
    private final JournalRecordFlyweight record = new JournalRecordFlyweight();
    private long records;
    private long bytes;
    private long measuredAtNs;

    JournalLagCounter(final Path journalDir, final TailPosition from)
    {
        this.journalDir = journalDir;
        this.tail = JournalTail.open(journalDir, from);
    }

    /** Once a second at most: how many records and bytes are behind {@code position}, and since when, into {@code metrics}. */
    void measure(final long nowNs, final ShippedPosition position, final InFlightRecords inFlight, final ShipperMetrics metrics)
    {
        if (nowNs - measuredAtNs < INTERVAL_NS)
        {
            return;
        }
        measuredAtNs = nowNs;
        try
        {
            advance(COUNT_LIMIT);
            final long behind = Math.max(0, records - position.records());
            long oldestMs = 0;
            if (behind > 0)
            {
                oldestMs = inFlight != null && inFlight.size() > 0 ? inFlight.oldestTimestampMs()
                    : timestampAt(journalDir, position.acknowledged());
            }
            metrics.lag(behind, Math.max(0, bytes - position.bytes()), oldestMs);
        }
        catch (final IOException ex)
        {
            LOG.warn("cannot measure the shipping lag: {}", ex.toString());
        }
    }

    /** Counts up to {@code limit} more records; false once it stands at the journal's end. */
    boolean advance(final int limit) throws IOException
    {
        for (int i = 0; i < limit; i++)
        {
            if (!tail.poll(record))
            {
                return false;
            }
            records++;
            bytes += tail.frameLength();
        }
        return true;
    }

    /** Records counted since the start position. */
    long records()
    {
        return records;
    }

    /** Their frames' bytes. */
    long bytes()
    {
        return bytes;
    }

    /** The journal time of the first record at or after {@code from}, or 0 if there is none yet. */
    static long timestampAt(final Path journalDir, final TailPosition from) throws IOException
    {
        try (JournalTail peek = JournalTail.open(journalDir, from))
        {
            final JournalRecordFlyweight first = new JournalRecordFlyweight();
            return peek.poll(first) ? first.timestampMs() : 0;
        }
    }

    @Override
    public void close() throws IOException
    {
        tail.close();
    }
}
