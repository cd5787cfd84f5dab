package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.INTENT_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.INTENT_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.INTENT_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.INTENT_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SEARCH_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SEARCH_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.SEARCH_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SEARCH_RING_OFFSET;
import static dev.pulse.detect.SessionStateFlyweight.FAILED_SEARCH_RING_CAPACITY;
import static dev.pulse.detect.SessionStateFlyweight.INTENT_RING_CAPACITY;

/**
 * The searches of a session's state record ({@link SessionStateFlyweight#history()}, which extends
 * it): the newest failed searches (a run a successful search ends) and the newest searches whose
 * words matched a catalog intent, failed or not, each a {@link HistoryRing}. Every entry is one
 * long, the intent's number in the high 16 bits (0: none) and the time in the low 48 (until the
 * year 10889):
 *
 * <pre>
 *  search      | intent (high 16 bits) and timeMs (low 48 bits) of one long            8
 *  intent      | intent (high 16 bits) and timeMs (low 48 bits) of one long            8
 * </pre>
 *
 * <p>Sizes: failed searches count the newest entries without gaps, so a ring of the largest count
 * (8) is exact when the trigger names no intent; one narrowed to an intent, and
 * {@code search_intent} (count at most 8) over the intent ring, count exactly when no more than 8
 * such searches of other intents came within the window. The intent ring's count and head bytes
 * sit in the intent's own area ({@link SessionStateDescriptor#INTENT_STATE_OFFSET}).
 * {@link EventRecorder} is the one writer.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionSearchFlyweight extends SessionSignalsFlyweight
{
    public static final int SEARCH_TIME_MS_OFFSET = 0;
    private static final int SEARCH_INTENT_SHIFT = 48;
    private static final long SEARCH_TIME_MASK = (1L << SEARCH_INTENT_SHIFT) - 1;

    private static final HistoryRing SEARCH_RING = new HistoryRing(
        SEARCH_COUNT_OFFSET, SEARCH_HEAD_OFFSET, SEARCH_RING_OFFSET, FAILED_SEARCH_RING_CAPACITY, SEARCH_ENTRY_LENGTH);
    private static final HistoryRing INTENT_RING = new HistoryRing(
        INTENT_COUNT_OFFSET, INTENT_HEAD_OFFSET, INTENT_RING_OFFSET, INTENT_RING_CAPACITY, INTENT_ENTRY_LENGTH);

    // ---- failed searches --------------------------------------------------------------------

    public final int failedSearchCount()
    {
        return SEARCH_RING.count(buffer, offset);
    }

    /** A search that found nothing, of {@code intent} (0: none). */
    public final void pushFailedSearch(final int intent, final long nowMs)
    {
        buffer.putLong(SEARCH_RING.push(buffer, offset) + SEARCH_TIME_MS_OFFSET, searchEntry(intent, nowMs));
    }

    public final long failedSearchTimeAt(final int age)
    {
        return buffer.getLong(SEARCH_RING.entryAt(buffer, offset, age) + SEARCH_TIME_MS_OFFSET) & SEARCH_TIME_MASK;
    }

    /** The intent of the failed search of that age, 0 for none. */
    public final int failedSearchIntentAt(final int age)
    {
        return (int)(buffer.getLong(SEARCH_RING.entryAt(buffer, offset, age) + SEARCH_TIME_MS_OFFSET) >>> SEARCH_INTENT_SHIFT);
    }

    /** A search that found something ends a run of failed ones. */
    public final void clearFailedSearches()
    {
        SEARCH_RING.clear(buffer, offset);
    }

    // ---- searches of an intent ----------------------------------------------------------------

    public final int intentSearchCount()
    {
        return INTENT_RING.count(buffer, offset);
    }

    /** A search whose words matched {@code intent} (1 or more), whatever it found. */
    public final void pushIntentSearch(final int intent, final long nowMs)
    {
        buffer.putLong(INTENT_RING.push(buffer, offset), searchEntry(intent, nowMs));
    }

    public final long intentSearchTimeAt(final int age)
    {
        return buffer.getLong(INTENT_RING.entryAt(buffer, offset, age)) & SEARCH_TIME_MASK;
    }

    public final int intentSearchIntentAt(final int age)
    {
        return (int)(buffer.getLong(INTENT_RING.entryAt(buffer, offset, age)) >>> SEARCH_INTENT_SHIFT);
    }

    private static long searchEntry(final int intent, final long nowMs)
    {
        return (long)(intent & 0xFFFF) << SEARCH_INTENT_SHIFT | nowMs & SEARCH_TIME_MASK;
    }

    /**
     * Whether at least {@code count} failed searches of {@code intent} (0: of any intent or none)
     * happened at or after {@code windowStartMs} and after {@code spentUntilMs}: the newest first,
     * stopping at the first one outside. Allocation-free.
     */
    public final boolean failedSearchesReach(final int intent, final int count, final long windowStartMs, final long spentUntilMs)
    {
        return reach(SEARCH_RING, intent, count, windowStartMs, spentUntilMs);
    }

    /** As {@link #failedSearchesReach}, over the searches of an intent (0: of any intent), failed or not. */
    public final boolean intentSearchesReach(final int intent, final int count, final long windowStartMs, final long spentUntilMs)
    {
        return reach(INTENT_RING, intent, count, windowStartMs, spentUntilMs);
    }

    private boolean reach(final HistoryRing ring, final int intent, final int count, final long windowStartMs, final long spentUntilMs)
    {
        int seen = 0;
        for (int age = 0, size = ring.count(buffer, offset); age < size; age++)
        {
            final long entry = buffer.getLong(ring.entryAt(buffer, offset, age));
            final long timeMs = entry & SEARCH_TIME_MASK;
            if (timeMs < windowStartMs || timeMs <= spentUntilMs)
            {
                return false;
            }
            if ((intent == 0 || (int)(entry >>> SEARCH_INTENT_SHIFT) == intent) && ++seen >= count)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Renumbers the intents the searches hold for a catalog version that numbers them differently:
     * intent {@code i} becomes {@code newIntentByOldIntent[i]}, 0 where the table has none (an
     * intent the new version dropped). Allocation-free.
     */
    public final void translateIntents(final int[] newIntentByOldIntent)
    {
        translateIntents(SEARCH_RING, newIntentByOldIntent);
        translateIntents(INTENT_RING, newIntentByOldIntent);
    }

    private void translateIntents(final HistoryRing ring, final int[] newIntentByOldIntent)
    {
        for (int age = 0, count = ring.count(buffer, offset); age < count; age++)
        {
            final int at = ring.entryAt(buffer, offset, age);
            final long entry = buffer.getLong(at);
            final int intent = (int)(entry >>> SEARCH_INTENT_SHIFT);
            final int to = intent < newIntentByOldIntent.length ? newIntentByOldIntent[intent] : 0;
            buffer.putLong(at, searchEntry(to, entry & SEARCH_TIME_MASK));
        }
    }
}
