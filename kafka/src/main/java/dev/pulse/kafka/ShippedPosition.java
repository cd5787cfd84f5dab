package dev.pulse.kafka;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.SegmentHold;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;

/**
 * Where the shipper stands: the end of the prefix Kafka has acknowledged (moved on the shipper's
 * thread, record by record), and the position last made durable in the offset file, written at most
 * once per commit interval and followed by the journal's {@link SegmentHold}. A failed write keeps
 * the older offset: a restart then sends a few records again, and nothing is lost.
 */
final class ShippedPosition implements InFlightRecords.AcknowledgedSink
{
    private static final Logger LOG = LoggerFactory.getLogger(ShippedPosition.class);

    private final TailOffsetFile offsetFile;
    private final SegmentHold hold;
    private final long commitIntervalNs;
    private final ShipperMetrics metrics;
    private TailPosition acknowledged;
    private long records;
    private long bytes;
    private volatile TailPosition committed;
    private long committedAtNs;

    ShippedPosition(final TailOffsetFile offsetFile, final SegmentHold hold, final TailPosition from, final Duration commitInterval,
        final ShipperMetrics metrics)
    {
        this.offsetFile = offsetFile;
        this.hold = hold;
        this.acknowledged = from;
        this.committed = from;
        this.commitIntervalNs = commitInterval.toNanos();
        this.metrics = metrics;
    }

    @Override
    public void acknowledged(final TailPosition end, final int recordBytes)
    {
        acknowledged = end;
        records++;
        bytes += recordBytes;
    }

    /** Just after the last record Kafka acknowledged, in journal order. */
    TailPosition acknowledged()
    {
        return acknowledged;
    }

    /** Records and bytes acknowledged since the shipper started. */
    long records()
    {
        return records;
    }

    long bytes()
    {
        return bytes;
    }

    /** The position last written to the offset file: every record before it is in Kafka. */
    TailPosition committed()
    {
        return committed;
    }

    TailOffsetFile offsetFile()
    {
        return offsetFile;
    }

    /** Writes the acknowledged position if it moved and the commit interval has passed (or {@code force}), then moves the hold. */
    void commit(final long nowNs, final boolean force)
    {
        if (acknowledged.equals(committed) || !force && nowNs - committedAtNs < commitIntervalNs)
        {
            return;
        }
        try
        {
            offsetFile.write(acknowledged);
            committed = acknowledged;
            committedAtNs = nowNs;
            hold.advanceTo(acknowledged.segment());
        }
        catch (final IOException ex)
        {
            metrics.failed();
            LOG.warn("cannot write the shipping offset {}: {}", offsetFile.path(), ex.toString());
        }
    }

    /** The shipper stopped: the segments are no longer held for it. */
    void release()
    {
        hold.close();
    }
}
