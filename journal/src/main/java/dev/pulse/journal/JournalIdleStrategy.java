package dev.pulse.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.agrona.concurrent.IdleStrategy;

/**
 * When the journal thread runs. While records keep coming it polls again at once after a batch;
 * with nothing to do it parks {@link #FIRST_PARK_NS}, then {@link #PARK_NS} at a time, so a record
 * waits at most about 2 ms for its write (a question held for the disk under {@code always} unparks
 * the thread, so it does not wait). After {@link #PARKS_BEFORE_SLEEP} parks with nothing to do, and
 * when nothing is left to write, force or hand back, it sleeps until a producer rings its
 * {@link JournalDoorbell} (at most {@code sleepNs}, a safety net): an idle journal wakes a few times
 * a second instead of 500.
 *
 * <p>No spinning, no yields and no microsecond parks: those woke this thread about ten times per
 * record (2,880 times a second at 20,000 events/s), each wake a context switch that took a core
 * from an event loop on a small machine. Nor a park after every batch: at 20,000 events/s a 2 ms
 * park after each batch cut the wakes from about 730 to 500 a second but doubled the thread's CPU
 * and raised the loops' (BENCHMARKS.md, "Issue 20, round 2").
 *
 * <p>Owned by the journal thread.
 */
final class JournalIdleStrategy implements IdleStrategy
{
    static final long FIRST_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long PARK_NS = TimeUnit.MILLISECONDS.toNanos(2);
    static final int PARKS_BEFORE_SLEEP = 5;
    static final long DEFAULT_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(250);

    private final JournalDoorbell doorbell;
    private final BooleanSupplier quiet;
    private final long sleepNs;
    private final LongConsumer parker;
    private int idleParks;

    /**
     * @param quiet   whether nothing is left to do (no record in the ring or the batch, no waiter
     *                armed, no force due, not closing): read after the doorbell is set.
     * @param sleepNs the longest sleep, should a wake-up ever be missed.
     */
    JournalIdleStrategy(final JournalDoorbell doorbell, final BooleanSupplier quiet, final long sleepNs)
    {
        this(doorbell, quiet, sleepNs, LockSupport::parkNanos);
    }

    /** The seam for tests: {@code parker} parks the calling thread for the nanoseconds given. */
    JournalIdleStrategy(final JournalDoorbell doorbell, final BooleanSupplier quiet, final long sleepNs, final LongConsumer parker)
    {
        this.doorbell = doorbell;
        this.quiet = quiet;
        this.sleepNs = sleepNs;
        this.parker = parker;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            idleParks = 0;
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (idleParks < PARKS_BEFORE_SLEEP)
        {
            parker.accept(idleParks == 0 ? FIRST_PARK_NS : PARK_NS);
            idleParks++;
            return;
        }
        doorbell.sleeping();
        try
        {
            if (quiet.getAsBoolean())
            {
                doorbell.asleep();
                parker.accept(sleepNs);
            }
        }
        finally
        {
            doorbell.awake();
        }
    }

    @Override
    public void reset()
    {
        idleParks = 0;
    }

    @Override
    public String alias()
    {
        return "pulse-journal";
    }
}
