package dev.pulse.server.decide;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_CATALOG_VERSION_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_CHOICE_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_FLAGS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_FLAG_ASKED;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_FLAG_GIVEN;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_IID_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_QUESTION_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.FEEDBACK_STATE_OFFSET;

/**
 * The feedback state inside a session's core record ({@code FEEDBACK_STATE_OFFSET}, 32 bytes, drawn
 * in {@code SessionStateDescriptor}): the last response shown that asked "Did this help?", so that an
 * answer is taken once, and only for a response this session was shown.
 *
 * <pre>
 *   0               4               8                              16      18    19            32
 *  | iid (4)       | questionKey(4)| catalogVersion (8)            |choice |flags|   (unused)   |
 * </pre>
 *
 * Only the newest such response can be rated: the widget shows one response at a time, and a new one
 * replaces the old one's question here. A session carried to another node takes it there
 * ({@code carry.SessionCarry}: {@link #restore}), so an answer on that node is taken once too.
 * Not thread-safe: used under the session entry's lock.
 */
public final class ResponseFeedbackFlyweight
{
    private MutableDirectBuffer buffer;
    private int offset;

    /** Points at the feedback state of the record {@code state} points at. */
    public ResponseFeedbackFlyweight wrap(final SessionStateFlyweight state)
    {
        if (buffer != state.buffer())
        {
            buffer = state.buffer();
        }
        offset = state.offset() + FEEDBACK_STATE_OFFSET;
        return this;
    }

    /** A response of {@code iid} that asks "Did this help?" was shown: it replaces any earlier one. */
    void asked(final int iid, final int questionKey, final long catalogVersion, final int choice)
    {
        buffer.putInt(offset + FEEDBACK_IID_OFFSET, iid);
        buffer.putInt(offset + FEEDBACK_QUESTION_KEY_OFFSET, questionKey);
        buffer.putLong(offset + FEEDBACK_CATALOG_VERSION_OFFSET, catalogVersion);
        buffer.putShort(offset + FEEDBACK_CHOICE_OFFSET, (short)choice);
        buffer.putByte(offset + FEEDBACK_FLAGS_OFFSET, (byte)FEEDBACK_FLAG_ASKED);
    }

    /** Whether the response of {@code iid} asks and has not been answered yet. */
    boolean awaits(final int iid)
    {
        final int flags = buffer.getByte(offset + FEEDBACK_FLAGS_OFFSET);
        return iid != 0 && (flags & FEEDBACK_FLAG_ASKED) != 0 && (flags & FEEDBACK_FLAG_GIVEN) == 0 &&
            buffer.getInt(offset + FEEDBACK_IID_OFFSET) == iid;
    }

    /** Whether the response of {@code iid} was already answered (rather than never asked). */
    boolean given(final int iid)
    {
        return iid != 0 && (buffer.getByte(offset + FEEDBACK_FLAGS_OFFSET) & FEEDBACK_FLAG_GIVEN) != 0 &&
            buffer.getInt(offset + FEEDBACK_IID_OFFSET) == iid;
    }

    /** The person answered: a second answer is refused. */
    void given()
    {
        buffer.putByte(offset + FEEDBACK_FLAGS_OFFSET, (byte)(FEEDBACK_FLAG_ASKED | FEEDBACK_FLAG_GIVEN));
    }

    /** The intervention of the response that asked (0: none did). */
    public int iid()
    {
        return buffer.getInt(offset + FEEDBACK_IID_OFFSET);
    }

    /** {@code FEEDBACK_FLAG_ASKED}, and {@code FEEDBACK_FLAG_GIVEN} once answered (0: no response asked). */
    public int flags()
    {
        return buffer.getByte(offset + FEEDBACK_FLAGS_OFFSET) & 0xFF;
    }

    /** The state as another node had it: every field at once. */
    public void restore(final int iid, final int questionKey, final long catalogVersion, final int choice, final int flags)
    {
        asked(iid, questionKey, catalogVersion, choice);
        buffer.putByte(offset + FEEDBACK_FLAGS_OFFSET, (byte)flags);
    }

    public int questionKey()
    {
        return buffer.getInt(offset + FEEDBACK_QUESTION_KEY_OFFSET);
    }

    public long catalogVersion()
    {
        return buffer.getLong(offset + FEEDBACK_CATALOG_VERSION_OFFSET);
    }

    public int choice()
    {
        return buffer.getShort(offset + FEEDBACK_CHOICE_OFFSET);
    }
}
