package dev.pulse.detect.process;

import java.util.Arrays;

import dev.pulse.detect.governor.Verdict;
import dev.pulse.detect.trigger.Trigger;

/**
 * The signals one event produced and what the governor decided for each, in priority order. From
 * {@link Detection} (no governor) the verdicts are null and the intervention ids 0.
 * Reused for every event (cleared at the start of each); grown only when a catalog with more
 * triggers arrives, never per event.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Decisions
{
    private Trigger[] triggers;
    private Verdict[] verdicts;
    private int[] iids;
    private int size;

    public Decisions(final int initialCapacity)
    {
        final int capacity = Math.max(1, initialCapacity);
        triggers = new Trigger[capacity];
        verdicts = new Verdict[capacity];
        iids = new int[capacity];
    }

    /** How many signals the last event produced. */
    public int size()
    {
        return size;
    }

    public Trigger trigger(final int index)
    {
        return triggers[index];
    }

    /** The governor's verdict, or null when the signal came from {@link Detection}. */
    public Verdict verdict(final int index)
    {
        return verdicts[index];
    }

    /** The intervention id of a {@link Verdict#SHOWN} decision (0 otherwise). */
    public int iid(final int index)
    {
        return iids[index];
    }

    /** The index of the decision that shows a question, or -1 if the event showed none. */
    public int shownIndex()
    {
        for (int i = 0; i < size; i++)
        {
            if (verdicts[i] == Verdict.SHOWN)
            {
                return i;
            }
        }
        return -1;
    }

    void clear()
    {
        for (int i = 0; i < size; i++)
        {
            triggers[i] = null;
        }
        size = 0;
    }

    void ensureCapacity(final int capacity)
    {
        if (capacity > triggers.length)
        {
            triggers = Arrays.copyOf(triggers, capacity);
            verdicts = Arrays.copyOf(verdicts, capacity);
            iids = Arrays.copyOf(iids, capacity);
        }
    }

    void add(final Trigger trigger)
    {
        triggers[size] = trigger;
        verdicts[size] = null;
        iids[size] = 0;
        size++;
    }

    void swapWithPrevious(final int index)
    {
        final Trigger trigger = triggers[index];
        triggers[index] = triggers[index - 1];
        triggers[index - 1] = trigger;
    }

    void decide(final int index, final Verdict verdict, final int iid)
    {
        verdicts[index] = verdict;
        iids[index] = iid;
    }
}
