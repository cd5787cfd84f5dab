package dev.pulse.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.agrona.concurrent.IdleStrategy;

/**
 * When the journal thread runs: it parks {@link #PARK_NS} after every duty cycle, with work or
 * without. So under load it wakes at most about 500 times a second whatever the rate, each wake
 * writing everything that came meanwhile in one write, and a record waits at most about 2 ms for
 * its write (a question held for the disk under {@code always} unparks the thread, so it does not
 * wait).
 *
 * <p>No spinning, no yields and no microsecond parks: those woke this thread about ten times per
 * record (2,880 times a second at 20,000 events/s), each wake a context switch that took a core
 * from an event loop on a small machine. And no poll straight after a batch followed by a 1 ms
 * park: under load that woke it about 730 times a second (issue 20's profile), for batches about
 * half the size, each wake handing a task to every event loop with an ack waiting.
 *
 * <p>Owned by the journal thread.
 */
final class JournalIdleStrategy implements IdleStrategy
{
    static final long PARK_NS = TimeUnit.MILLISECONDS.toNanos(2);

    private final LongConsumer parker;

    JournalIdleStrategy()
    {
        this(LockSupport::parkNanos);
    }

    /** The seam for tests: {@code parker} parks the calling thread for the nanoseconds given. */
    JournalIdleStrategy(final LongConsumer parker)
    {
        this.parker = parker;
    }

    @Override
    public void idle(final int workCount)
    {
        parker.accept(PARK_NS);
    }

    @Override
    public void idle()
    {
        parker.accept(PARK_NS);
    }

    @Override
    public void reset()
    {
    }

    @Override
    public String alias()
    {
        return "pulse-journal";
    }
}
