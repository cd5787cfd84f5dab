package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.BufferUtil;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;


/**
 * The journal's parts wired as {@link Journal#open} wires them, but with no thread: a test calls
 * {@link #doWork()} itself and moves the clock, so fsync timing and retries are deterministic.
 */
final class AgentHarness
{
    static final long RETRY_NS = TimeUnit.MILLISECONDS.toNanos(500);

    final RecordingJournalMetrics metrics = new RecordingJournalMetrics();
    final CachedNanoClock clock = new CachedNanoClock();
    final FaultySegmentStore store;
    final RingBuffer ring;
    final JournalAgent agent;
    final JournalProxy proxy;

    AgentHarness(final Path dir, final JournalConfiguration configuration) throws IOException
    {
        store = new FaultySegmentStore(dir);
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(configuration.bufferBytes() + RingBufferDescriptor.TRAILER_LENGTH, 128)));
        final SegmentWriter writer = new SegmentWriter(store, configuration, metrics, 0, 0, clock.nanoTime());
        agent = new JournalAgent(ring, new JournalBatch(Journal.batchCapacity(ring)), writer, new JournalWaiters(), clock, RETRY_NS);
        store.writtenPosition = agent::writtenPosition;
        proxy = new JournalProxy(ring, metrics, new AtomicBoolean(), new SearchTextHasher(JournalTesting.KEY));
    }

    int doWork()
    {
        return agent.doWork();
    }

    void advanceMs(final long ms)
    {
        clock.advance(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    boolean record(final int iid)
    {
        return JournalRecords.dismiss(proxy, iid, 1, 2, 3, iid, "question-" + iid);
    }
}
