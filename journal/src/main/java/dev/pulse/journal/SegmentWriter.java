package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Appends batches to the current segment, rolls to the next segment and forces per the
 * {@link FsyncPolicy}. {@link #position()} only moves past a batch once it is fully written (and
 * forced, under ALWAYS): after a failure the file may hold part of a batch beyond it, which the next
 * append cuts off before writing the batch again, so a retried batch is never duplicated.
 *
 * <p>Owned by the journal thread.
 */
final class SegmentWriter
{
    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

    private final SegmentStore store;
    private final FsyncPolicy policy;
    private final long segmentBytes;
    private final long fsyncIntervalNs;
    private final JournalMetrics metrics;
    private SegmentStore.SegmentFile file;
    private long index;
    private long position;
    private boolean dirty;
    private boolean unforced;
    private long lastForceNs;

    SegmentWriter(final SegmentStore store, final JournalConfiguration configuration, final JournalMetrics metrics,
        final long index, final long position, final long nowNs) throws IOException
    {
        this.store = store;
        this.policy = configuration.fsyncPolicy();
        this.segmentBytes = configuration.segmentBytes();
        this.fsyncIntervalNs = TimeUnit.MILLISECONDS.toNanos(configuration.fsyncIntervalMs());
        this.metrics = metrics;
        this.index = index;
        this.position = position;
        this.lastForceNs = nowNs;
        this.file = store.open(index);
    }

    /** Bytes the current segment takes before its next frame must go to a new one (0 if full). */
    long room()
    {
        return Math.max(0, segmentBytes - position);
    }

    boolean segmentEmpty()
    {
        return position == 0;
    }

    long segmentIndex()
    {
        return index;
    }

    long position()
    {
        return position;
    }

    /** Writes the batch at the end of the segment; under ALWAYS also forces it. */
    void append(final JournalBatch batch, final long nowNs) throws IOException
    {
        if (dirty)
        {
            file.truncate(position);
            dirty = false;
        }
        dirty = true;
        file.write(batch.prepareWrite(), position);
        unforced = true;
        if (policy == FsyncPolicy.ALWAYS)
        {
            force(nowNs);
        }
        dirty = false;
        position += batch.length();
    }

    /** Under INTERVAL, forces when the interval has passed since the last force and there is something to force. */
    void forceIfDue(final long nowNs) throws IOException
    {
        if (policy == FsyncPolicy.INTERVAL && unforced && nowNs - lastForceNs >= fsyncIntervalNs)
        {
            force(nowNs);
        }
    }

    /**
     * Moves on to the next segment. The new file is opened before the old one is let go, so a failed
     * open leaves the writer as it was, ready to retry.
     */
    void roll(final long nowNs) throws IOException
    {
        if (policy == FsyncPolicy.INTERVAL && unforced)
        {
            force(nowNs);
        }
        final SegmentStore.SegmentFile next = store.open(index + 1);
        final SegmentStore.SegmentFile previous = file;
        file = next;
        index++;
        position = 0;
        unforced = false;
        try
        {
            previous.close();
        }
        catch (final IOException ex)
        {
            // Its data was written (and forced as the policy asks); a failed close loses nothing more.
            LOG.warn("closing journal segment {} failed", index - 1, ex);
        }
    }

    /** Forces what is not yet forced (every policy forces on close), then closes the file. */
    void close(final long nowNs) throws IOException
    {
        try
        {
            if (unforced)
            {
                force(nowNs);
            }
        }
        finally
        {
            file.close();
        }
    }

    private void force(final long nowNs) throws IOException
    {
        final long startNs = System.nanoTime();
        file.force();
        metrics.journalFsyncNanos(System.nanoTime() - startNs);
        unforced = false;
        lastForceNs = nowNs;
    }
}
