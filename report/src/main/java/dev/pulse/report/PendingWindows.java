package dev.pulse.report;

import java.util.function.Consumer;

/**
 * Windows whose outcome is recorded but which might not be complete at the end of observation:
 * opened less than their version's longest open time before the record being read. They are
 * counted once that much time has passed in the journal, or at the end if they are complete then;
 * the rest are still open and in no rate.
 *
 * <p>Holds only the windows closed within the last longest open time (about 41 minutes of outcomes
 * by default), each as four longs in a primitive queue (32 bytes; its strings are a
 * {@link WindowCells} number):
 * <pre>
 *   opening time ms &lt;&lt; 16 | stratum,   visitor,   duration ms,   cell number
 * </pre>
 * Not thread-safe.
 */
final class PendingWindows
{
    private static final int STRATUM_BITS = 16;
    private static final long STRATUM_MASK = (1L << STRATUM_BITS) - 1;

    private final LongQueue pending = new LongQueue();
    private final WindowCells cells = new WindowCells();

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
            pending.add((window.openingMs() << STRATUM_BITS) | window.stratum());
            pending.add(window.visitor());
            pending.add(window.durationMs());
            pending.add(cells.number(window));
        }
    }

    /** Counts the kept windows that every end of observation from {@code nowMs} on makes complete. */
    void release(final long nowMs, final Strata strata, final Consumer<ClosedWindow> count)
    {
        // Windows are kept in the order they closed; one opened long ago may sit behind a recent one, so
        // the head is released while complete and the rest waits for the end (correct either way).
        while (!pending.isEmpty())
        {
            final long head = pending.peek();
            if ((head >> STRATUM_BITS) > strata.cutoffMs((int)(head & STRATUM_MASK), nowMs))
            {
                return;
            }
            count.accept(take());
        }
    }

    /** At the end: counts the windows complete at {@code observationEndMs}; returns those still open. */
    long finish(final long observationEndMs, final Strata strata, final Consumer<ClosedWindow> count)
    {
        long open = 0;
        while (!pending.isEmpty())
        {
            final ClosedWindow window = take();
            if (window.openingMs() <= strata.cutoffMs(window.stratum(), observationEndMs))
            {
                count.accept(window);
            }
            else
            {
                open++;
            }
        }
        return open;
    }

    /** Windows kept. */
    int size()
    {
        return pending.size() / 4;
    }

    private ClosedWindow take()
    {
        final long openingAndStratum = pending.poll();
        final long visitor = pending.poll();
        final long durationMs = pending.poll();
        final int cell = (int)pending.poll();
        return cells.window(cell, openingAndStratum >> STRATUM_BITS, durationMs, (int)(openingAndStratum & STRATUM_MASK), visitor);
    }
}
