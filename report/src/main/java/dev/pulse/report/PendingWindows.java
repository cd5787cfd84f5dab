package dev.pulse.report;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Windows whose outcome is recorded but which might not be complete at the end of observation:
 * opened less than their version's longest open time before the record being read. They are
 * counted once that much time has passed in the journal, or at the end if they are complete then;
 * the rest are still open and in no rate. Holds only the windows closed within the last longest open
 * time (about 41 minutes of outcomes by default). Not thread-safe.
 */
final class PendingWindows
{
    private final ArrayDeque<ClosedWindow> pending = new ArrayDeque<>();

    /** A window closed at {@code nowMs}: counted now when already complete for sure, else kept. */
    void onClosed(final ClosedWindow window, final long nowMs, final Strata strata, final Consumer<ClosedWindow> count)
    {
        release(nowMs, strata, count);
        if (window.openingMs() <= strata.cutoffMs(window.stratum(), nowMs))
        {
            count.accept(window);
        }
        else
        {
            pending.addLast(window);
        }
    }

    /** Counts the kept windows that every end of observation from {@code nowMs} on makes complete. */
    void release(final long nowMs, final Strata strata, final Consumer<ClosedWindow> count)
    {
        // Windows are kept in the order they closed; one opened long ago may sit behind a recent one, so
        // the head is released while complete and the rest waits for the end (correct either way).
        while (!pending.isEmpty() && pending.peekFirst().openingMs() <= strata.cutoffMs(pending.peekFirst().stratum(), nowMs))
        {
            count.accept(pending.pollFirst());
        }
    }

    /** At the end: counts the windows complete at {@code observationEndMs}; returns those still open. */
    long finish(final long observationEndMs, final Strata strata, final Consumer<ClosedWindow> count)
    {
        long open = 0;
        for (final ClosedWindow window : pending)
        {
            if (window.openingMs() <= strata.cutoffMs(window.stratum(), observationEndMs))
            {
                count.accept(window);
            }
            else
            {
                open++;
            }
        }
        pending.clear();
        return open;
    }
}
