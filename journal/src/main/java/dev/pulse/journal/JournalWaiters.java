package dev.pulse.journal;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiters of one journal: added rarely (one per event loop, at start-up), scanned by the
 * journal thread every duty cycle. Copy-on-write into a plain array, so the scan is a loop over a
 * volatile read with no iterator and no lock.
 */
final class JournalWaiters
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalWaiters.class);

    private volatile JournalWaiter[] waiters = new JournalWaiter[0];

    synchronized void add(final JournalWaiter waiter)
    {
        final JournalWaiter[] grown = Arrays.copyOf(waiters, waiters.length + 1);
        grown[grown.length - 1] = waiter;
        waiters = grown;
    }

    /** Fires every armed waiter whose records are written; returns how many fired. */
    int fire(final long writtenPosition)
    {
        int fired = 0;
        for (final JournalWaiter waiter : waiters)
        {
            try
            {
                if (waiter.fireIfWritten(writtenPosition))
                {
                    fired++;
                }
            }
            catch (final RuntimeException ex)
            {
                // An executor that rejects (its event loop shut down) must not stop the journal.
                LOG.warn("a journal waiter's executor refused its task", ex);
            }
        }
        return fired;
    }
}
