package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.concurrent.Executor;

import dev.pulse.server.journal.Journal;
import dev.pulse.server.journal.JournalWaiter;

/**
 * Under {@code fsync_policy: always}, questions waiting for their journal record to reach the disk,
 * so no question is shown whose record a crash could lose: its frame is held until the journal's
 * written (and forced) position passes its record, then sent. The journal thread wakes this loop
 * after each batch it writes; the loop's tick checks too, so nothing waits on a missed wake-up.
 *
 * <p>Not thread-safe: owned by one event loop.
 */
final class QuestionHold implements Runnable
{
    private final Journal journal;
    private final JournalWaiter waiter;
    private final ArrayList<ConnectionHandler> waiting = new ArrayList<>();

    QuestionHold(final Journal journal, final Executor loopExecutor)
    {
        this.journal = journal;
        this.waiter = journal.newWaiter(loopExecutor, this);
    }

    /** {@code connection} holds a question; it is released once the journal has written up to its position. */
    void hold(final ConnectionHandler connection)
    {
        waiting.add(connection);
        waiter.arm();
        release();
    }

    /** Sends every held question whose record is written. */
    void release()
    {
        if (waiting.isEmpty())
        {
            return;
        }
        final long written = journal.writtenPosition();
        for (int i = waiting.size() - 1; i >= 0; i--)
        {
            if (waiting.get(i).releaseHeldQuestion(written))
            {
                final int last = waiting.size() - 1;
                waiting.set(i, waiting.get(last));
                waiting.remove(last);
            }
        }
        if (!waiting.isEmpty())
        {
            waiter.arm();
        }
    }

    void forget(final ConnectionHandler connection)
    {
        waiting.remove(connection);
    }

    @Override
    public void run()
    {
        release();
    }
}
