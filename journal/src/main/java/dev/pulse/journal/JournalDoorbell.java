package dev.pulse.journal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * How producers wake the journal thread from its long idle sleep, and only from that: while the
 * thread is awake (parking a couple of milliseconds between batches), {@link #ring()} is one
 * volatile read and wakes nobody, so a busy journal costs its producers no syscall.
 *
 * <p>The thread says it is about to sleep ({@link #sleeping()}), then checks the ring and the
 * waiters once more, and sleeps only if they are still empty. A producer commits its record (the
 * ring's claim is a compare-and-set of its tail) or arms its waiter, then reads the flag. So
 * either the producer sees the flag and unparks the thread, or the thread sees the record or the
 * waiter and does not sleep: no record waits for the sleep to end.
 *
 * <p>Thread-safe: rung from any producer, slept on by the journal thread.
 */
final class JournalDoorbell
{
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private volatile Thread thread;
    /** Set only while the thread is in its sleep (not while it checks whether to): what tests watch. */
    private volatile boolean asleep;

    /** The journal thread, once started. */
    void attach(final Thread journalThread)
    {
        thread = journalThread;
    }

    /** After a record is committed or a waiter armed: wakes the journal thread if it sleeps, else nothing. */
    void ring()
    {
        if (sleeping.get() && sleeping.compareAndSet(true, false))
        {
            wake();
        }
    }

    /** Wakes the journal thread whatever it is doing (a question waits, a seal is asked for, the journal closes). */
    void wake()
    {
        final Thread journalThread = thread;
        if (journalThread != null)
        {
            LockSupport.unpark(journalThread);
        }
    }

    /** The journal thread is about to sleep: from now on a producer's {@link #ring()} wakes it. */
    void sleeping()
    {
        sleeping.set(true);
    }

    /** The journal thread found nothing to do after {@link #sleeping()} and goes to sleep now. */
    void asleep()
    {
        asleep = true;
    }

    /** The journal thread is awake again: producers stop ringing. */
    void awake()
    {
        asleep = false;
        sleeping.set(false);
    }

    /** Whether the journal thread is in its sleep (for tests). */
    boolean isSleeping()
    {
        return asleep;
    }

    /** Whether a producer's {@link #ring()} would wake the thread now (for tests). */
    boolean isListening()
    {
        return sleeping.get();
    }
}
