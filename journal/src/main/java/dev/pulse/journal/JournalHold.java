package dev.pulse.journal;

import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One thread's parties with something to send once the journal has written a position: the server's
 * connections (an ack, which promises the acked messages' records are taken; under {@code fsync_policy:
 * always} a question, so no question is shown whose record a crash could lose), or a benchmark's. The
 * journal thread wakes the owning thread through a {@link JournalWaiter} after the batch that passes
 * the position, and each waiting party is told the written position until it has sent everything;
 * the owner may also call {@link #release()} itself (the server's loop tick does, so nothing waits on
 * a missed wake-up).
 *
 * <p>{@code urgent} wakes the journal thread at once (a person waits to see a question); otherwise
 * the party waits for the journal's next batch (acks may be up to 100 ms late by contract, and waking
 * the journal for each would cost a context switch per read batch). Not thread-safe: owned by one
 * thread, the one {@code executor} runs on.
 */
public final class JournalHold implements Runnable
{
    /** A party waiting for the journal. */
    public interface Waiting
    {
        /** The journal has written up to {@code writtenPosition}: send what that allows; true when nothing waits any more. */
        boolean onJournalWritten(long writtenPosition);
    }

    private final LongSupplier writtenPosition;
    private final JournalWaiter waiter;
    private final ArrayList<Waiting> waiting = new ArrayList<>();

    /** Parties told on {@code executor} (their thread) after the journal's writes. */
    public JournalHold(final Journal journal, final Executor executor)
    {
        this(journal, executor, journal::writtenPosition);
    }

    /** As above, the written position read from {@code writtenPosition} (one a test can hold still). */
    public JournalHold(final Journal journal, final Executor executor, final LongSupplier writtenPosition)
    {
        this.writtenPosition = writtenPosition;
        this.waiter = journal.newWaiter(executor, this);
    }

    /**
     * {@code party} waits for the journal: its {@link Waiting#onJournalWritten} is called after each
     * batch until it returns true. {@code urgent} cuts the journal thread's idle park short.
     */
    public void hold(final Waiting party, final boolean urgent)
    {
        if (!waiting.contains(party))
        {
            waiting.add(party);
        }
        waiter.arm(urgent);
    }

    /** Lets every waiting party send what the journal's written position now allows. */
    public void release()
    {
        if (waiting.isEmpty())
        {
            return;
        }
        final long written = writtenPosition.getAsLong();
        for (int i = waiting.size() - 1; i >= 0; i--)
        {
            if (waiting.get(i).onJournalWritten(written))
            {
                final int last = waiting.size() - 1;
                waiting.set(i, waiting.get(last));
                waiting.remove(last);
            }
        }
        if (!waiting.isEmpty())
        {
            waiter.arm(false);
        }
    }

    public void forget(final Waiting party)
    {
        waiting.remove(party);
    }

    @Override
    public void run()
    {
        release();
    }
}
