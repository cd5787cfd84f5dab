package dev.pulse.server.webhook;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.JournalCorruptionException;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.SegmentHold;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;

/**
 * The webhooks' reader of the journal, on a thread of its own: it follows the journal with a
 * {@link JournalTail}, hands each record its {@link Selector} makes a delivery of to the lane its
 * session hashes to at every endpoint, and about every {@link #SAVE_EVERY_MS} makes durable where a restart resumes
 * ({@link WebhookProgress#resumeFrom}) and moves its {@link SegmentHold} there. A full lane stops the
 * reading (the journal is the buffer) but not the saving.
 */
final class WebhookTail implements Runnable
{
    static final long SAVE_EVERY_MS = 200;
    private static final long IDLE_MS = 20;
    private static final long DAMAGE_RETRY_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTail.class);

    private final JournalTail tail;
    private final TailOffsetFile offsetFile;
    private final SegmentHold hold;
    private final Selector selector;
    private final List<WebhookLane[]> lanesByEndpoint;
    private final WebhookProgress progress;
    private final JournalRecordFlyweight record = new JournalRecordFlyweight();
    private volatile boolean running = true;
    private TailPosition saved;
    private long savedAtMs;
    private long sequence;

    /** What the tail sends of a record: its delivery, or null to pass over it. Called on the tail's thread. */
    @FunctionalInterface
    interface Selector
    {
        /**
         * @param record    the record, valid during the call.
         * @param segment   the segment it is in.
         * @param offset    where it starts in the segment (with the segment: its {@link RecordId} and {@link TailPosition}).
         * @param sequence  its place in the order read, for {@link WebhookDelivery#sequence()}.
         * @param endpoints how many endpoints it goes to.
         */
        WebhookDelivery select(JournalRecordFlyweight record, long segment, long offset, long sequence, int endpoints);
    }

    WebhookTail(final JournalTail tail, final TailPosition from, final TailOffsetFile offsetFile, final SegmentHold hold,
        final Selector selector, final List<WebhookLane[]> lanesByEndpoint, final WebhookProgress progress)
    {
        this.tail = tail;
        this.saved = from;
        this.offsetFile = offsetFile;
        this.hold = hold;
        this.selector = selector;
        this.lanesByEndpoint = lanesByEndpoint;
        this.progress = progress;
    }

    void stop()
    {
        running = false;
    }

    @Override
    public void run()
    {
        try
        {
            while (running)
            {
                if (!readOne())
                {
                    Thread.sleep(IDLE_MS);
                }
                saveIfDue(false);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            saveIfDue(true);
        }
    }

    /** Reads and dispatches one record; false at the live end of the journal (or after damage, having waited). */
    private boolean readOne() throws InterruptedException
    {
        try
        {
            if (!tail.poll(record))
            {
                return false;
            }
        }
        catch (final JournalCorruptionException ex)
        {
            LOG.error("the webhooks cannot read past damage in the journal; trying again in {} ms", DAMAGE_RETRY_MS, ex);
            Thread.sleep(DAMAGE_RETRY_MS);
            return false;
        }
        catch (final IOException ex)
        {
            LOG.error("the webhooks cannot read the journal; trying again in {} ms", DAMAGE_RETRY_MS, ex);
            Thread.sleep(DAMAGE_RETRY_MS);
            return false;
        }
        final WebhookDelivery delivery = selector.select(record, tail.recordSegment(), tail.recordOffset(), sequence, lanesByEndpoint.size());
        if (delivery != null)
        {
            sequence++;
            dispatch(delivery);
        }
        return true;
    }

    private void dispatch(final WebhookDelivery delivery) throws InterruptedException
    {
        final int sessionHash = delivery.sessionHash();
        progress.started(delivery);
        for (final WebhookLane[] lanes : lanesByEndpoint)
        {
            final WebhookLane lane = lanes[sessionHash % lanes.length];
            while (!lane.offer(delivery, 100))
            {
                if (!running)
                {
                    return;
                }
                saveIfDue(false);
            }
        }
    }

    private void saveIfDue(final boolean now)
    {
        final long nowMs = System.currentTimeMillis();
        if (!now && nowMs - savedAtMs < SAVE_EVERY_MS)
        {
            return;
        }
        savedAtMs = nowMs;
        final TailPosition resume = progress.resumeFrom(tail.position());
        if (resume.equals(saved))
        {
            return;
        }
        try
        {
            offsetFile.write(resume);
            saved = resume;
            hold.advanceTo(resume.segment());
        }
        catch (final IOException ex)
        {
            LOG.error("cannot save the webhooks' journal position to {}; the segments stay held", offsetFile.path(), ex);
        }
    }
}
