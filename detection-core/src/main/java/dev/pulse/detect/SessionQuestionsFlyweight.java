package dev.pulse.detect;

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
 * The governor's part of a session's state record ({@link SessionStateFlyweight#questions()}): the
 * open question, the signal
 * waiting for the page grace, the questions asked so far, whether one was dismissed, and the
 * intervention ids. Its fields are in the record's hot first 128 bytes, but for the asked list
 * ({@link SessionStateDescriptor}).
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionQuestionsFlyweight extends TriggerMemoryFlyweight
{
    private static final SlotTable ASKED = new SlotTable(
        ASKED_COUNT_OFFSET, ASKED_KEYS_OFFSET, SessionStateFlyweight.ASKED_CAPACITY, ASKED_KEY_LENGTH);

    // ---- the open question ------------------------------------------------------------------

    /** The open intervention's id, or 0 when no question is open. */
    public final int openIid()
    {
        return buffer.getInt(offset + OPEN_IID_OFFSET);
    }

    public final int openQuestionKey()
    {
        return buffer.getInt(offset + OPEN_QUESTION_KEY_OFFSET);
    }

    public final int openTriggerKey()
    {
        return buffer.getInt(offset + OPEN_TRIGGER_KEY_OFFSET);
    }

    public final int openVariant()
    {
        return buffer.getByte(offset + OPEN_VARIANT_OFFSET);
    }

    /** Which copy variant of the open question was shown; the server sets it after choosing. */
    public final SessionQuestionsFlyweight openVariant(final int variant)
    {
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)variant);
        return this;
    }

    public final long openShownMs()
    {
        return buffer.getLong(offset + OPEN_SHOWN_MS_OFFSET);
    }

    public final void openQuestion(final int iid, final int questionKey, final int triggerKey, final long nowMs)
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, iid);
        buffer.putInt(offset + OPEN_QUESTION_KEY_OFFSET, questionKey);
        buffer.putInt(offset + OPEN_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putByte(offset + OPEN_VARIANT_OFFSET, (byte)0);
        buffer.putLong(offset + OPEN_SHOWN_MS_OFFSET, nowMs);
    }

    public final void closeOpenQuestion()
    {
        buffer.putInt(offset + OPEN_IID_OFFSET, 0);
    }

    /** Allocates the next intervention id of this session (1, 2, ...). */
    public final int nextIid()
    {
        final int iid = buffer.getInt(offset + LAST_IID_OFFSET) + 1;
        buffer.putInt(offset + LAST_IID_OFFSET, iid);
        return iid;
    }

    /** The last intervention id this session allocated (0 before any). */
    public final int lastIid()
    {
        return buffer.getInt(offset + LAST_IID_OFFSET);
    }

    /**
     * Moves the intervention ids on: the next allocated is {@code iid + 1}. A session carried from
     * another node continues that node's numbering, so no id names two questions of one session.
     */
    public final SessionQuestionsFlyweight lastIid(final int iid)
    {
        buffer.putInt(offset + LAST_IID_OFFSET, iid);
        return this;
    }

    /** When the last question was shown (or held out), for the cross-question cooldown; 0 if never. */
    public final long lastShownMs()
    {
        return buffer.getLong(offset + LAST_SHOWN_MS_OFFSET);
    }

    public final SessionQuestionsFlyweight lastShownMs(final long nowMs)
    {
        buffer.putLong(offset + LAST_SHOWN_MS_OFFSET, nowMs);
        return this;
    }

    public final boolean dismissed()
    {
        return flag(FLAGS_OFFSET, FLAG_DISMISSED);
    }

    public final SessionQuestionsFlyweight dismissed(final boolean dismissed)
    {
        flag(FLAGS_OFFSET, FLAG_DISMISSED, dismissed);
        return this;
    }

    // ---- the signal waiting for the page grace ----------------------------------------------

    /**
     * The trigger whose signal waits for the page grace to pass (0 if none). Its question is
     * decided again at {@link #pendingDueMs()} if the page view is still {@link #pendingPageView()}.
     */
    public final int pendingTriggerKey()
    {
        return buffer.getInt(offset + PENDING_TRIGGER_KEY_OFFSET);
    }

    public final int pendingPageView()
    {
        return buffer.getInt(offset + PENDING_PAGE_VIEW_OFFSET);
    }

    public final long pendingDueMs()
    {
        return buffer.getLong(offset + PENDING_DUE_MS_OFFSET);
    }

    /** Defers {@code triggerKey}'s question to {@code dueMs}, for the current page view only. */
    public final void pending(final int triggerKey, final long dueMs)
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putInt(offset + PENDING_PAGE_VIEW_OFFSET, buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET));
        buffer.putLong(offset + PENDING_DUE_MS_OFFSET, dueMs);
    }

    public final void clearPending()
    {
        buffer.putInt(offset + PENDING_TRIGGER_KEY_OFFSET, 0);
    }

    // ---- what was asked ---------------------------------------------------------------------

    /** How many questions were asked (shown or held out) in this session. */
    public final int askedCount()
    {
        return ASKED.count(buffer, offset);
    }

    public final int askedQuestionKeyAt(final int index)
    {
        return buffer.getInt(ASKED.entry(offset, index));
    }

    public final boolean wasAsked(final int questionKey)
    {
        return ASKED.findInt(buffer, offset, 0, questionKey) >= 0;
    }

    /**
     * Adds a question to the asked list; the governor's cap keeps it within
     * {@link SessionStateFlyweight#ASKED_CAPACITY}, past which nothing is added.
     */
    public final void addAsked(final int questionKey)
    {
        final int slot = ASKED.add(buffer, offset);
        if (slot >= 0)
        {
            buffer.putInt(ASKED.entry(offset, slot), questionKey);
        }
    }
}
