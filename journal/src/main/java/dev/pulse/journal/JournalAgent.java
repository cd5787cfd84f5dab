package dev.pulse.journal;

import java.io.IOException;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal thread's duty cycle: drain the ring buffer into a batch, write the batch to the
 * segment in one call (forcing it under ALWAYS), publish {@link #writtenPosition()}, fire waiters,
 * force under INTERVAL when due. Nothing is thrown out of {@link #doWork()}.
 *
 * <p>When a write, force, or segment roll fails, the journal turns unhealthy and does no I/O for
 * {@code retryIntervalNs}; the failed batch is kept and records wait in the ring meanwhile. The
 * next attempt repeats the failed step, and the journal is healthy again when it succeeds.
 */
final class JournalAgent implements Agent
{
    static final int RECORDS_PER_BATCH_LIMIT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(JournalAgent.class);

    private final RingBuffer ring;
    private final JournalBatch batch;
    private final SegmentWriter writer;
    private final JournalWaiters waiters;
    private final NanoClock clock;
    private final long retryIntervalNs;
    private long nextRetryNs;
    private volatile boolean healthy = true;
    private volatile long writtenPosition;
    /** Written by the journal thread only, so the non-atomic += is safe; volatile for the gauge. */
    private volatile long writtenBytesTotal;
    /** The segment being written, for the upkeep thread: it touches only segments below it. */
    private volatile long activeSegmentIndex;
    /** A segment the upkeep asked to seal (roll past) once it holds records; -1 for none. */
    private volatile long sealRequestedIndex = -1;
    /** Told after a batch with a SESSION_ERASED record is written: the upkeep schedules a pass. Must not block or throw. */
    private volatile Runnable erasureListener = () ->
    {
    };

    JournalAgent(final RingBuffer ring, final JournalBatch batch, final SegmentWriter writer, final JournalWaiters waiters,
        final NanoClock clock, final long retryIntervalNs)
    {
        this.ring = ring;
        this.batch = batch;
        this.writer = writer;
        this.waiters = waiters;
        this.clock = clock;
        this.retryIntervalNs = retryIntervalNs;
        this.writtenPosition = ring.consumerPosition();
        this.activeSegmentIndex = writer.segmentIndex();
    }

    @Override
    public String roleName()
    {
        return "pulse-journal";
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        if (healthy || nowNs - nextRetryNs >= 0)
        {
            try
            {
                work = writeStep(nowNs);
                writer.forceIfDue(nowNs);
                if (!healthy)
                {
                    healthy = true;
                    LOG.info("journal writes succeed again at segment {} offset {}", writer.segmentIndex(), writer.position());
                }
            }
            catch (final IOException ex)
            {
                onFailure(nowNs, ex);
            }
        }
        return work + waiters.fire(writtenPosition);
    }

    /** A final drain on the journal thread as it stops (records committed while close was waiting), then force and close. */
    @Override
    public void onClose()
    {
        final long nowNs = clock.nanoTime();
        try
        {
            // One attempt even when unhealthy; stops at a claim a producer has not committed yet.
            while ((!batch.isEmpty() || ring.size() > 0) && writeStep(nowNs) > 0)
            {
                waiters.fire(writtenPosition);
            }
        }
        catch (final IOException ex)
        {
            onFailure(nowNs, ex);
        }
        try
        {
            writer.close(nowNs);
        }
        catch (final IOException ex)
        {
            onFailure(nowNs, ex);
        }
        waiters.fire(writtenPosition);
    }

    private int writeStep(final long nowNs) throws IOException
    {
        if (batch.isEmpty())
        {
            if (batch.rollNeeded() || sealRequested())
            {
                writer.roll(nowNs);
                activeSegmentIndex = writer.segmentIndex();
                batch.rolled();
            }
            batch.fill(ring, writer.room(), writer.segmentEmpty(), RECORDS_PER_BATCH_LIMIT);
            if (batch.isEmpty())
            {
                // Nothing taken: at most padding was skipped, which counts as written. A roll is work to do next.
                writtenPosition = batch.endPosition();
                return batch.rollNeeded() ? 1 : 0;
            }
        }
        writer.append(batch, nowNs);
        writtenBytesTotal += batch.length();
        writtenPosition = batch.endPosition();
        final boolean erasureWritten = batch.holdsErasure();
        batch.clear();
        if (erasureWritten)
        {
            erasureListener.run();
        }
        return 1;
    }

    /** The upkeep's request applies to the segment it saw, and only once that segment holds something. */
    private boolean sealRequested()
    {
        return sealRequestedIndex == writer.segmentIndex() && !writer.segmentEmpty();
    }

    /** Asks for segment {@code index} to be sealed: if it is still the one being written, the next write goes to a new one. */
    void requestSeal(final long index)
    {
        sealRequestedIndex = index;
    }

    void erasureListener(final Runnable listener)
    {
        erasureListener = listener;
    }

    long activeSegmentIndex()
    {
        return activeSegmentIndex;
    }

    private void onFailure(final long nowNs, final IOException ex)
    {
        nextRetryNs = nowNs + retryIntervalNs;
        if (healthy)
        {
            healthy = false;
            LOG.error("journal write failed at segment {} offset {}; records wait in the ring, retrying every {} ms",
                writer.segmentIndex(), writer.position(), retryIntervalNs / 1_000_000, ex);
        }
    }

    boolean healthy()
    {
        return healthy;
    }

    /** Ring position up to which records are written (and forced, under ALWAYS). */
    long writtenPosition()
    {
        return writtenPosition;
    }

    long writtenBytesTotal()
    {
        return writtenBytesTotal;
    }
}
