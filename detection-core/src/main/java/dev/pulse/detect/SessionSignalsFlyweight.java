package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.BACKEND_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.BACKEND_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.BACKEND_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.BACKEND_RING_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_VIEW_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SCROLL_BACK_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.SCROLL_BACK_PAGE_VIEW_OFFSET;
import static dev.pulse.detect.SessionStateFlyweight.BACKEND_RING_CAPACITY;

/**
 * The signals of a session's state record that do not come from the page in view
 * ({@link SessionStateFlyweight#signals()}): the ring of the newest backend events (their hashed
 * names and times, for {@code backend_event}) and how often the person scrolled back up on the
 * current page view (for the {@code scrolled_back} condition). {@link EventRecorder} is its one
 * writer. The entries ({@code *_OFFSET} relative to the entry; the ring's place and its count and
 * head bytes are in {@link SessionStateDescriptor}):
 *
 * <pre>
 *  backend     | nameHash (8)      | timeMs (8)        |                                16
 * </pre>
 *
 * <p>Fields of a backend event are not kept: a trigger's field conditions are judged on the event
 * as it arrives, and the ring only counts the events of a name before it.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionSignalsFlyweight extends SessionQuestionsFlyweight
{
    public static final int BACKEND_NAME_HASH_OFFSET = 0;
    public static final int BACKEND_TIME_MS_OFFSET = 8;

    private static final HistoryRing BACKEND_RING = new HistoryRing(
        BACKEND_COUNT_OFFSET, BACKEND_HEAD_OFFSET, BACKEND_RING_OFFSET, BACKEND_RING_CAPACITY, BACKEND_ENTRY_LENGTH);

    // ---- backend events ---------------------------------------------------------------------

    /** How many backend events the ring holds (at most {@link SessionStateFlyweight#BACKEND_RING_CAPACITY}). */
    public final int backendEventCount()
    {
        return BACKEND_RING.count(buffer, offset);
    }

    /** Records a backend event of that hashed name; the oldest of a full ring is forgotten. */
    public final void pushBackendEvent(final long nameHash, final long nowMs)
    {
        final int entry = BACKEND_RING.push(buffer, offset);
        buffer.putLong(entry + BACKEND_NAME_HASH_OFFSET, nameHash);
        buffer.putLong(entry + BACKEND_TIME_MS_OFFSET, nowMs);
    }

    public final long backendEventNameAt(final int age)
    {
        return buffer.getLong(BACKEND_RING.entryAt(buffer, offset, age) + BACKEND_NAME_HASH_OFFSET);
    }

    public final long backendEventTimeAt(final int age)
    {
        return buffer.getLong(BACKEND_RING.entryAt(buffer, offset, age) + BACKEND_TIME_MS_OFFSET);
    }

    // ---- scrolling back up ------------------------------------------------------------------

    /** How often the person scrolled back up on the current page view. */
    public final int scrollBackCount()
    {
        return buffer.getInt(offset + SCROLL_BACK_PAGE_VIEW_OFFSET) == buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET)
            ? buffer.getInt(offset + SCROLL_BACK_COUNT_OFFSET)
            : 0;
    }

    /** Counts one scroll back up on the current page view (the count of an earlier page view starts again). */
    public final void countScrollBack()
    {
        final int pageView = buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET);
        buffer.putInt(offset + SCROLL_BACK_COUNT_OFFSET, scrollBackCount() + 1);
        buffer.putInt(offset + SCROLL_BACK_PAGE_VIEW_OFFSET, pageView);
    }
}
