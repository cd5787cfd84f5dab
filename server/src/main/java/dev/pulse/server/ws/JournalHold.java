package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.concurrent.Executor;

import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalWaiter;

/**
 * Connections with something to send once the journal has written a position: an ack (which
 * promises the acked messages' records are taken: written, and forced under {@code fsync_policy:
 * always}) and, under {@code always}, a question (so no question is shown whose record a crash
 * could lose). The journal thread wakes this loop after the batch that passes the position; the
 * loop's tick checks too, so nothing waits on a missed wake-up.
 *
 * <p>A question wakes the journal thread at once (a person is waiting to see it); an ack does not:
 * acks may be up to 100 ms late by contract, and waking the journal for each one would cost a
 * context switch per read batch. Not thread-safe: owned by one event loop.
 */
final class JournalHold implements Runnable
{
    private final Journal journal;
    private final JournalWaiter waiter;
    private final ArrayList<JournalGate> waiting = new ArrayList<>();

    JournalHold(final Journal journal, final Executor loopExecutor)
    {
        this.journal = journal;
        this.waiter = journal.newWaiter(loopExecutor, this);
    }

    /**
     * {@code connection} waits for the journal: its {@link JournalGate#onJournalWritten} is
     * called after each batch until it returns true. {@code urgent} cuts the journal thread's idle park short.
     */
    void hold(final JournalGate connection, final boolean urgent)
    {
        if (!waiting.contains(connection))
        {
            waiting.add(connection);
        }
        waiter.arm(urgent);
    }

    /** Lets every waiting connection send what the journal's written position now allows. */
    void release()
    {
        if (waiting.isEmpty())
        {
            return;
        }
        final long written = journal.writtenPosition();
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

    void forget(final JournalGate connection)
    {
        waiting.remove(connection);
    }

    @Override
    public void run()
    {
        release();
    }
}
