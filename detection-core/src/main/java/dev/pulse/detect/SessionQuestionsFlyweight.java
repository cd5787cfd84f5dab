package dev.pulse.detect;

import org.agrona.MutableDirectBuffer;

import static dev.pulse.detect.SessionStateDescriptor.ASKED_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.ASKED_KEYS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.ASKED_KEY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.FLAGS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FLAG_DISMISSED;
import static dev.pulse.detect.SessionStateDescriptor.LAST_IID_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.LAST_SHOWN_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.OPEN_IID_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.OPEN_QUESTION_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.OPEN_SHOWN_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.OPEN_TRIGGER_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.OPEN_VARIANT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PAGE_VIEW_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PENDING_DUE_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PENDING_PAGE_VIEW_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.PENDING_TRIGGER_KEY_OFFSET;

/**
 * A view over the governor's part of a session's state record (the same bytes as its
 * {@link SessionStateFlyweight}, which wraps this one with it): the open question, the signal
 * waiting for the page grace, the questions asked so far, whether one was dismissed, and the
 * intervention ids. Its fields are in the record's hot first 128 bytes, but for the asked list
 * ({@link SessionStateDescriptor}).
 *
 * <p>Not thread-safe, like the record.
 */
public final class SessionQuestionsFlyweight extends RecordFlyweight
{
    private static final SlotTable ASKED = new SlotTable(
        ASKED_COUNT_OFFSET, ASKED_KEYS_OFFSET, SessionStateFlyweight.ASKED_CAPACITY, ASKED_KEY_LENGTH);

    /** Points this view at a session state record of {@link SessionStateFlyweight#LENGTH} bytes. */
    SessionQuestionsFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        return this;
    }

    // ---- the open question ------------------------------------------------------------------

    /** The open intervention's id, or 0 when no question is open. */
    public int openIid()
    {
        return buffer.getInt(offset + OPEN_IID_OFFSET);
    }

    public int openQuestionKey()
    {
        return buffer.getInt(offset + OPEN_QUESTION_KEY_OFFSET);
    }

    public int openTriggerKey()
    {
        return buffer.getInt(offset + OPEN_TRIGGER_KEY_OFFSET);
    }

    public int openVariant()
    {
        return buffer.getByte(offset + OPEN_VARIANT_OFFSET);
    }

    /** Which copy variant of the open question was shown; the server sets it after choosing. */
    public SessionQuestionsFlyweight openVariant(final int variant)
    {
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)variant);
        return this;
    }

    public long openShownMs()
    {
        return buffer.getLong(offset + OPEN_SHOWN_MS_OFFSET);
    }

    public void openQuestion(final int iid, final int questionKey, final int triggerKey, final long nowMs)
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, iid);
        buffer.putInt(offset + OPEN_QUESTION_KEY_OFFSET, questionKey);
        buffer.putInt(offset + OPEN_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)0);
        buffer.putLong(offset + OPEN_SHOWN_MS_OFFSET, nowMs);
    }

    public void closeOpenQuestion()
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, 0);
    }

    /** Allocates the next intervention id of this session (1, 2, ...). */
    public int nextIid()
    {
        final int iid = buffer.getInt(offset + LAST_IID_OFFSET) + 1;
        buffer.putInt(offset + LAST_IID_OFFSET, iid);
        return iid;
    }

    /** When the last question was shown (or held out), for the cross-question cooldown; 0 if never. */
    public long lastShownMs()
    {
        return buffer.getLong(offset + LAST_SHOWN_MS_OFFSET);
    }

    public SessionQuestionsFlyweight lastShownMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_SHOWN_MS_OFFSET, nowMs);
        return this;
    }

    public boolean dismissed()
    {
        return flag(FLAGS_OFFSET, FLAG_DISMISSED);
    }

    public SessionQuestionsFlyweight dismissed(final boolean dismissed)
    {
        flag(FLAGS_OFFSET, FLAG_DISMISSED, dismissed);
        return this;
    }

    // ---- the signal waiting for the page grace ----------------------------------------------

    /**
     * The trigger whose signal waits for the page grace to pass (0 if none). Its question is
     * decided again at {@link #pendingDueMs()} if the page view is still {@link #pendingPageView()}.
     */
    public int pendingTriggerKey()
    {
        return buffer.getInt(offset + PENDING_TRIGGER_KEY_OFFSET);
    }

    public int pendingPageView()
    {
        return buffer.getInt(offset + PENDING_PAGE_VIEW_OFFSET);
    }

    public long pendingDueMs()
    {
        return buffer.getLong(offset + PENDING_DUE_MS_OFFSET);
    }

    /** Defers {@code triggerKey}'s question to {@code dueMs}, for the current page view only. */
    public void pending(final int triggerKey, final long dueMs)
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putInt(offset + PENDING_PAGE_VIEW_OFFSET, buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET));
        buffer.putLong(offset + PENDING_DUE_MS_OFFSET, dueMs);
    }

    public void clearPending()
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, 0);
    }

    // ---- what was asked ---------------------------------------------------------------------

    /** How many questions were asked (shown or held out) in this session. */
    public int askedCount()
    {
        return ASKED.count(buffer, offset);
    }

    public int askedQuestionKeyAt(final int index)
    {
        return buffer.getInt(ASKED.entry(offset, index));
    }

    public boolean wasAsked(final int questionKey)
    {
        return ASKED.findInt(buffer, offset, 0, questionKey) >= 0;
    }

    /**
     * Adds a question to the asked list; the governor's cap keeps it within
     * {@link SessionStateFlyweight#ASKED_CAPACITY}, past which nothing is added.
     */
    public void addAsked(final int questionKey)
    {
        final int slot = ASKED.add(buffer, offset);
        if (slot >= 0)
        {
            buffer.putInt(ASKED.entry(offset, slot), questionKey);
        }
    }
}
