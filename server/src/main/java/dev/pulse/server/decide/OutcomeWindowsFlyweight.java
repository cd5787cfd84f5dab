package dev.pulse.server.decide;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.RecordFlyweight;
import dev.pulse.journal.OutcomeGroup;

/**
 * A session's outcome windows, kept in its server record so they survive a restart: one slot per
 * shown question, holdout or shadow signal whose outcome is not decided yet.
 *
 * <pre>
 *   slot (48 bytes), {@link #SLOTS} slots:
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        openedMs (8)                           |  0
 *  |                       deadlineMs (8)                          |  8
 *  |                     catalogVersion (8)                        | 16
 *  |        triggerKey (4)         |        questionKey (4)        | 24
 *  |            iid (4)            | group |variant| choice| (pad) | 32
 *  |        stuckKindKey (4)       |          (reserved 4)         | 40
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Live windows (shown, holdout) never run out of slots: a session has at most
 * {@code SessionStateFlyweight.ASKED_CAPACITY} (= {@link #SLOTS}) of them, one per question asked,
 * and a live window takes a shadow one's slot when none is free (never the reverse).
 *
 * <p>group is the {@link OutcomeGroup} ordinal plus one, so an all-zero slot is free; choice is the
 * answered choice's index, or -1. Nothing here is a position in a catalog's arrays, which a reload
 * may reorder: triggers, questions and the page kind the person was stuck on are kept by their
 * stable keys (32-bit hashes of their catalog ids and names), and catalogVersion names the version
 * that opened the window (kept in the data directory, so it can always be read again). A window
 * past its deadline stays until something happens to its
 * session: a timer while connected or a return (stalled), or the session's expiry (exited).
 *
 * <p>Not thread-safe: used under the session entry's lock.
 */
public final class OutcomeWindowsFlyweight extends RecordFlyweight
{
    public static final int SLOTS = 8;
    public static final int SLOT_LENGTH = 48;
    public static final int LENGTH = SLOTS * SLOT_LENGTH;

    private static final int OPENED_MS = 0;
    private static final int DEADLINE_MS = 8;
    private static final int CATALOG_VERSION = 16;
    private static final int TRIGGER_KEY = 24;
    private static final int QUESTION_KEY = 28;
    private static final int IID = 32;
    private static final int GROUP = 36;
    private static final int VARIANT = 37;
    private static final int CHOICE = 38;
    private static final int STUCK_KIND_KEY = 40;

    public OutcomeWindowsFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapRecord(buffer, offset);
        return this;
    }

    /**
     * Opens a window in a free slot.
     *
     * @return the slot, or -1 if every slot is in use (the window is then not measured).
     * @see #newestShadowSlot() the slot a live window may take when none is free.
     */
    public int open(final OutcomeGroup group, final int triggerKey, final int questionKey, final int iid, final int variant,
        final int stuckKindKey, final long catalogVersion, final long openedMs, final long deadlineMs)
    {
        for (int slot = 0; slot < SLOTS; slot++)
        {
            if (!inUse(slot))
            {
                final int at = at(slot);
                buffer.setMemory(at, SLOT_LENGTH, (byte)0);
                buffer.putLong(at + OPENED_MS, openedMs);
                buffer.putLong(at + DEADLINE_MS, deadlineMs);
                buffer.putLong(at + CATALOG_VERSION, catalogVersion);
                buffer.putInt(at + TRIGGER_KEY, triggerKey);
                buffer.putInt(at + QUESTION_KEY, questionKey);
                buffer.putInt(at + IID, iid);
                buffer.putByte(at + GROUP, (byte)(group.ordinal() + 1));
                buffer.putByte(at + VARIANT, (byte)variant);
                buffer.putByte(at + CHOICE, (byte)-1);
                buffer.putInt(at + STUCK_KIND_KEY, stuckKindKey);
                return slot;
            }
        }
        return -1;
    }

    /** Whether a slot is free for {@link #open}. */
    public boolean hasFreeSlot()
    {
        for (int slot = 0; slot < SLOTS; slot++)
        {
            if (!inUse(slot))
            {
                return true;
            }
        }
        return false;
    }

    /** The most recently opened shadow window, or -1: what a live window replaces when every slot is in use. */
    public int newestShadowSlot()
    {
        int newest = -1;
        for (int slot = 0; slot < SLOTS; slot++)
        {
            if (inUse(slot) && group(slot) == OutcomeGroup.SHADOW && (newest < 0 || openedMs(slot) >= openedMs(newest)))
            {
                newest = slot;
            }
        }
        return newest;
    }

    public boolean inUse(final int slot)
    {
        return buffer.getByte(at(slot) + GROUP) != 0;
    }

    public void free(final int slot)
    {
        buffer.putByte(at(slot) + GROUP, (byte)0);
    }

    /** The slot of the shown question with this iid, or -1. */
    public int slotOfIid(final int iid)
    {
        for (int slot = 0; slot < SLOTS; slot++)
        {
            if (inUse(slot) && iid(slot) == iid && group(slot) == OutcomeGroup.SHOWN)
            {
                return slot;
            }
        }
        return -1;
    }

    public OutcomeGroup group(final int slot)
    {
        return OutcomeGroup.fromOrdinal(buffer.getByte(at(slot) + GROUP) - 1);
    }

    public long openedMs(final int slot)
    {
        return buffer.getLong(at(slot) + OPENED_MS);
    }

    public long deadlineMs(final int slot)
    {
        return buffer.getLong(at(slot) + DEADLINE_MS);
    }

    public long catalogVersion(final int slot)
    {
        return buffer.getLong(at(slot) + CATALOG_VERSION);
    }

    public int triggerKey(final int slot)
    {
        return buffer.getInt(at(slot) + TRIGGER_KEY);
    }

    public int questionKey(final int slot)
    {
        return buffer.getInt(at(slot) + QUESTION_KEY);
    }

    public int iid(final int slot)
    {
        return buffer.getInt(at(slot) + IID);
    }

    public int variant(final int slot)
    {
        return buffer.getByte(at(slot) + VARIANT);
    }

    /** The answered choice's index, or -1. */
    public int choice(final int slot)
    {
        return buffer.getByte(at(slot) + CHOICE);
    }

    public void choice(final int slot, final int choice)
    {
        buffer.putByte(at(slot) + CHOICE, (byte)choice);
    }

    /** The key of the page kind the person was stuck on (the catalog's {@code pageKindKey}; 0: no kind). */
    public int stuckKindKey(final int slot)
    {
        return buffer.getInt(at(slot) + STUCK_KIND_KEY);
    }

    private int at(final int slot)
    {
        return offset + slot * SLOT_LENGTH;
    }
}
