package dev.pulse.journal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * A one-shot wake-up from the journal thread: {@link #arm()} notes the ring buffer's producer
 * position, and once every record committed before that is written (see
 * {@link Journal#writtenPosition()}), the journal thread calls {@code executor.execute(task)} once
 * and disarms. An event loop that holds question frames until their record is on disk arms its
 * waiter after writing the record, and sends the frames from the task.
 *
 * <p>Arming again before the task runs moves the target forward; the task still runs once. The
 * journal thread checks armed waiters every duty cycle, and arming unparks it from its idle
 * backoff, so a waiter fires as soon as the journal thread runs: one write after the record.
 * Neither arming nor firing allocates on the journal side (the executor may allocate its own task
 * node).
 *
 * <p>Thread-safe: armed from the owning event loop, fired from the journal thread.
 */
public final class JournalWaiter
{
    private static final long DISARMED = Long.MAX_VALUE;

    private final RingBuffer ring;
    private final Executor executor;
    private final Runnable task;
    private final Runnable wakeJournal;
    private final AtomicLong targetPosition = new AtomicLong(DISARMED);

    JournalWaiter(final RingBuffer ring, final Executor executor, final Runnable task, final Runnable wakeJournal)
    {
        this.wakeJournal = wakeJournal;
        this.ring = ring;
        this.executor = executor;
        this.task = task;
    }

    /** Asks for the task to run once the records committed so far are written, and wakes the journal thread. */
    public void arm()
    {
        arm(true);
    }

    /**
     * Asks for the task to run once the records committed so far are written; {@code wake} cuts the
     * journal thread's idle park short (else it fires within the thread's longest park, about 2 ms).
     */
    public void arm(final boolean wake)
    {
        targetPosition.set(ring.producerPosition());
        if (wake)
        {
            wakeJournal.run();
        }
    }

    public boolean armed()
    {
        return targetPosition.get() != DISARMED;
    }

    /** Called by the journal thread: fires if armed and {@code writtenPosition} has reached the target. */
    boolean fireIfWritten(final long writtenPosition)
    {
        final long target = targetPosition.get();
        // The compare-and-set loses to a concurrent re-arm, whose newer target is then checked next cycle.
        if (target <= writtenPosition && targetPosition.compareAndSet(target, DISARMED))
        {
            executor.execute(task);
            return true;
        }
        return false;
    }
}
