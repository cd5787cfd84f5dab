package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.agrona.BufferUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The append-only journal of everything the product team needs: producers on any thread encode
 * records into one Agrona many-to-one ring buffer through their own {@link JournalProxy}, and one
 * thread, {@code pulse-journal}, drains it into length- and CRC-framed segment files. Producers
 * never block and never allocate; the journal thread backs off to parking when idle, so it costs
 * no core when there is nothing to write.
 *
 * <p>{@link #open} recovers the last segment (a torn tail from a crash is cut off, damage in the middle
 * quarantined: see {@link SegmentRecovery}) and starts the
 * thread; {@link #close} drains, forces and stops it. See the package documentation for the format.
 */
public final class Journal implements AutoCloseable
{
    static final long DEFAULT_RETRY_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    static final long DEFAULT_CLOSE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long STOP_GRACE_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final RingBuffer ring;
    private final JournalAgent agent;
    private final AgentRunner runner;
    private final JournalWaiters waiters;
    /** The journal thread, once started: a waiter armed on an event loop unparks it. */
    private volatile Thread thread;
    private final JournalMetrics metrics;
    private final byte[] searchHashKey;
    private final JournalDirectoryLock lock;
    private final Path dir;
    private final long closeTimeoutNs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SegmentHolds holds = new SegmentHolds();
    private volatile boolean closedCleanly;

    private Journal(final RingBuffer ring, final JournalAgent agent, final JournalWaiters waiters, final JournalMetrics metrics,
        final byte[] searchHashKey, final JournalDirectoryLock lock, final Path dir, final long closeTimeoutNs)
    {
        this.lock = lock;
        this.dir = dir;
        this.ring = ring;
        this.agent = agent;
        this.waiters = waiters;
        this.metrics = metrics;
        this.searchHashKey = searchHashKey;
        this.closeTimeoutNs = closeTimeoutNs;
        this.runner = new AgentRunner(idleStrategy(), this::onAgentError, null, agent);
    }

    /** Creates {@code dir} if needed, recovers the last segment, and starts the journal thread. */
    public static Journal open(final Path dir, final JournalConfiguration configuration, final JournalMetrics metrics) throws IOException
    {
        return open(dir, configuration, metrics, new FileSegmentStore(dir, configuration.fsyncPolicy() != FsyncPolicy.NEVER),
            new SystemNanoClock(), DEFAULT_RETRY_INTERVAL_NS, DEFAULT_CLOSE_TIMEOUT_NS);
    }

    /** The seam for tests: their own store (to inject faults), clock and timeouts. */
    static Journal open(final Path dir, final JournalConfiguration configuration, final JournalMetrics metrics, final SegmentStore store,
        final NanoClock clock, final long retryIntervalNs, final long closeTimeoutNs) throws IOException
    {
        Files.createDirectories(dir);
        final JournalDirectoryLock lock = JournalDirectoryLock.acquire(dir);
        final Journal journal;
        final SegmentRecovery.Tail tail;
        final int quarantined;
        try
        {
            final byte[] key = configuration.searchTextInClear() ? null :
                configuration.searchHashKey() != null ? configuration.searchHashKey().clone() : SearchHashKey.loadOrCreate(dir);
            final int interrupted = SegmentFiles.removeInterruptedCompactions(dir);
            if (interrupted > 0)
            {
                LOG.warn("journal: removed {} compaction(s) a crash interrupted; their segments are whole and will be compacted again",
                    interrupted);
            }
            tail = SegmentRecovery.recover(dir);
            quarantined = SegmentQuarantine.count(dir);
            final RingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
                BufferUtil.allocateDirectAligned(configuration.bufferBytes() + RingBufferDescriptor.TRAILER_LENGTH, 128)));
            final SegmentWriter writer = new SegmentWriter(store, configuration, metrics, tail.index(), tail.validEnd(), clock.nanoTime());
            final JournalWaiters waiters = new JournalWaiters();
            final JournalAgent agent = new JournalAgent(ring, new JournalBatch(batchCapacity(ring)), writer, waiters, clock, retryIntervalNs);
            journal = new Journal(ring, agent, waiters, metrics, key, lock, dir, closeTimeoutNs);
        }
        catch (final IOException | RuntimeException ex)
        {
            lock.close();
            throw ex;
        }
        final JournalAgent agent = journal.agent;
        metrics.gauge("pulse_journal_lag_bytes", "Bytes of journal records in the ring buffer not yet written.", journal::lagBytes);
        metrics.gauge("pulse_journal_healthy", "1 while journal writes succeed, 0 while they fail.", () -> journal.healthy() ? 1 : 0);
        metrics.counter("pulse_journal_written_bytes_total", "Bytes written to journal segments.", agent::writtenBytesTotal);
        metrics.gauge("pulse_journal_torn_tail_bytes", "Bytes of a torn tail cut off the last journal segment at start.",
            tail::tornBytesCut);
        metrics.gauge("pulse_journal_quarantined_segments",
            "Journal segments found damaged mid-file and kept aside in journal/quarantine/ (until an operator clears them).",
            () -> quarantined);
        AgentRunner.startOnThread(journal.runner, runnable ->
        {
            // A daemon: a process that exits without close() must not hang on the journal.
            final Thread thread = new Thread(runnable, "pulse-journal");
            thread.setDaemon(true);
            journal.thread = thread;
            return thread;
        });
        return journal;
    }

    /**
     * After work, park 1 ms, then 2 ms while idle: a record waits at most about 2 ms for its write
     * (a question held for the disk under {@code always} unparks the thread, so it does not wait).
     * No spinning, no yields and no microsecond parks: under load those woke this thread about ten
     * times per record (2,880 times a second at 20,000 events/s, measured from
     * {@code /proc/PID/task/TID/schedstat}), each wake-up a context switch that took a core from an
     * event loop on a small machine. Idle, the thread wakes about 500 times a second.
     */
    private static BackoffIdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(1, 0, TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(2));
    }

    /** One batch holds at least the longest frame; 1 MiB is plenty per write call otherwise. */
    static int batchCapacity(final RingBuffer ring)
    {
        return Math.max(JournalFrameDescriptor.frameLength(ring.maxMsgLength()), Math.min(ring.capacity(), 1 << 20));
    }

    /** A proxy for one producer thread. */
    public JournalProxy newProxy()
    {
        return new JournalProxy(ring, metrics, closed, searchHashKey == null ? null : new SearchTextHasher(searchHashKey));
    }

    /** False while writes to disk fail; the journal retries about once a second by itself. */
    public boolean healthy()
    {
        return agent.healthy();
    }

    /** Healthy, open, and at least a quarter of the ring free: otherwise the server shows no new question. */
    public boolean acceptingRecords()
    {
        return !closed.get() && agent.healthy() && ring.capacity() - ring.size() >= ring.capacity() / 4;
    }

    /** Ring position up to which records are written to the segment file (and forced, under ALWAYS). */
    public long writtenPosition()
    {
        return agent.writtenPosition();
    }

    /** Ring position just after every record committed so far (by any producer). */
    public long committedPosition()
    {
        return ring.producerPosition();
    }

    /** A waiter whose armed task the journal thread hands to {@code executor} once the records before it are written. */
    public JournalWaiter newWaiter(final Executor executor, final Runnable task)
    {
        final JournalWaiter waiter = new JournalWaiter(ring, executor, task, this::wakeWriter);
        waiters.add(waiter);
        return waiter;
    }

    /**
     * Cuts the journal thread's idle park short, so a record someone waits on (a held question) is
     * written now rather than after up to 2 ms of backoff.
     */
    private void wakeWriter()
    {
        final Thread writer = thread;
        if (writer != null)
        {
            LockSupport.unpark(writer);
        }
    }

    /** The index of the segment being written; every segment below it is sealed and never written again. */
    public long activeSegmentIndex()
    {
        return agent.activeSegmentIndex();
    }

    /** The segments readers that follow this journal still need; the upkeep leaves them alone. */
    public SegmentHolds holds()
    {
        return holds;
    }

    /** The journal's directory (the upkeep works on its sealed segments). */
    Path directory()
    {
        return dir;
    }

    /** Seals segment {@code index} if it is still the one being written and holds a record (see {@link JournalUpkeep}). */
    void requestSeal(final long index)
    {
        agent.requestSeal(index);
        wakeWriter();
    }

    /** {@code listener} runs on the journal thread after each write holding a SESSION_ERASED record; it must not block. */
    void onErasureWritten(final Runnable listener)
    {
        agent.erasureListener(listener);
    }

    /** Bytes of records committed to the ring but not yet written. */
    public long lagBytes()
    {
        return Math.max(0, ring.producerPosition() - agent.writtenPosition());
    }

    /**
     * Stops accepting records, waits for everything committed to be written, then stops the thread,
     * which forces and closes the segment. Idempotent. Gives up after about 10 s (a failing disk) and logs
     * what was not written. A record offered while close runs may be refused, or, in a narrow race,
     * accepted but not written.
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final long deadlineNs = System.nanoTime() + closeTimeoutNs;
        while (lagBytes() > 0 && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        final long lag = lagBytes();
        if (lag > 0)
        {
            LOG.error("journal closing with {} bytes not written (healthy: {}): giving up on them", lag, healthy());
        }
        // Stopping takes a last drain and a force; give it a little time even when draining used the budget.
        final long stopMs = Math.max(STOP_GRACE_MS, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()));
        try
        {
            runner.close((int)stopMs, thread ->
            {
                throw new CloseTimedOut();
            });
        }
        catch (final CloseTimedOut ex)
        {
            // Keep the directory locked: the thread may still write.
            LOG.error("journal thread did not stop in time; leaving it behind");
            return;
        }
        try
        {
            lock.close();
        }
        catch (final IOException ex)
        {
            LOG.warn("releasing the journal directory lock failed", ex);
        }
        closedCleanly = lag == 0;
    }

    /**
     * Whether {@link #close()} finished in time: every committed record written and forced, the
     * thread stopped. False before close, and after a close that gave up (a clean-shutdown marker
     * must then not be written).
     */
    public boolean closedCleanly()
    {
        return closedCleanly;
    }

    /** A bug, not an I/O failure (the agent handles those): counted where operators look, and logged. */
    private void onAgentError(final Throwable error)
    {
        metrics.internalError();
        LOG.error("unexpected error on the journal thread", error);
    }

    /** Breaks out of AgentRunner's close, which would otherwise retry forever. */
    private static final class CloseTimedOut extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        CloseTimedOut()
        {
            super(null, null, false, false);
        }
    }
}
