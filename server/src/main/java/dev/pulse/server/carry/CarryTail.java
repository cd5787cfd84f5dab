package dev.pulse.server.carry;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.ContextTextsFlyweight;
import dev.pulse.detect.SessionContextFlyweight;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * The tail of a carry's payload (version {@code c2}, after the trigger list: {@link CarryFlyweight}
 * draws where), the session facts issue 19 added. Little-endian, offsets from the tail's start:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                    viewedKindsMask (8)                         |  0
 *  |       feedbackIid (4)         |   feedbackQuestionKey (4)     |  8
 *  |                 feedbackCatalogVersion (8)                     | 16
 *  |   feedbackChoice (2)  |fbFlags| contextCount  |  trustedMask  | 24
 *  |   goalCount   |   textCount   |textTrustedMask|                 29
 *  +---------------------------------------------------------------+ 32
 *  |  contextCount x {keyHash (8), valueHash (8), number (8)}       |
 *  |            goalCount x goalHash (8)                            |
 *  |  textCount x {keyHash (8), length (1), utf8 (length)}         |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * {@code viewedKindsMask}: the page kinds it viewed, the current page's included
 * ({@code stage_reached}); the feedback state as {@code ResponseFeedbackFlyweight} keeps it (the one
 * response that may still be rated and its flags: asked, given); the context pairs with their
 * numbers (NaN: not numeric), bit {@code i} of {@code trustedMask} set when pair {@code i} came
 * from the site's backend; the goals reached; the texts templates insert, each at most
 * {@link ContextTextsFlyweight#TEXT_MAX_BYTES} bytes of whole UTF-8 characters, bit {@code i} of
 * {@code textTrustedMask} for text {@code i}.
 *
 * <p>Written in order: {@link #start}, {@link #feedback}, context pairs, goals, texts. Not
 * thread-safe: one per {@link CarryFlyweight}.
 */
public final class CarryTail
{
    public static final int VIEWED_KINDS_OFFSET = 0;
    public static final int FEEDBACK_IID_OFFSET = 8;
    public static final int FEEDBACK_QUESTION_KEY_OFFSET = 12;
    public static final int FEEDBACK_CATALOG_VERSION_OFFSET = 16;
    public static final int FEEDBACK_CHOICE_OFFSET = 24;
    public static final int FEEDBACK_FLAGS_OFFSET = 26;
    public static final int CONTEXT_COUNT_OFFSET = 27;
    public static final int TRUSTED_MASK_OFFSET = 28;
    public static final int GOAL_COUNT_OFFSET = 29;
    public static final int TEXT_COUNT_OFFSET = 30;
    public static final int TEXT_TRUSTED_MASK_OFFSET = 31;
    public static final int FIXED_LENGTH = 32;
    public static final int CONTEXT_ENTRY_LENGTH = 24;
    public static final int GOAL_ENTRY_LENGTH = 8;
    /** A text's key hash and length byte, before its UTF-8. */
    public static final int TEXT_HEAD_LENGTH = 9;
    /** The longest tail (480 bytes): every context, goal and text slot taken, every text as long as a record keeps. */
    public static final int MAX_LENGTH = FIXED_LENGTH + SessionStateFlyweight.CONTEXT_CAPACITY * CONTEXT_ENTRY_LENGTH +
        SessionContextFlyweight.GOAL_CAPACITY * GOAL_ENTRY_LENGTH +
        ContextTextsFlyweight.TEXT_CAPACITY * (TEXT_HEAD_LENGTH + ContextTextsFlyweight.TEXT_MAX_BYTES);

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private MutableDirectBuffer buffer;
    private int offset;

    CarryTail wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    CarryTail start(final long viewedKindsMask)
    {
        buffer.setMemory(offset, FIXED_LENGTH, (byte)0);
        buffer.putLong(offset + VIEWED_KINDS_OFFSET, viewedKindsMask, ORDER);
        return this;
    }

    /** The tail's length as its counts say. */
    int length()
    {
        return textEntry(textCount()) - offset;
    }

    /** Whether {@code bytes} (at least {@link #FIXED_LENGTH}) are exactly what the counts and text lengths say, within a record's capacities. */
    boolean lengthAgrees(final int bytes)
    {
        if (contextCount() > SessionStateFlyweight.CONTEXT_CAPACITY || goalCount() > SessionContextFlyweight.GOAL_CAPACITY ||
            textCount() > ContextTextsFlyweight.TEXT_CAPACITY)
        {
            return false;
        }
        final int end = offset + bytes;
        int at = textEntry(0);
        for (int i = 0; i < textCount(); i++)
        {
            if (at + TEXT_HEAD_LENGTH > end || (buffer.getByte(at + 8) & 0xFF) > ContextTextsFlyweight.TEXT_MAX_BYTES)
            {
                return false;
            }
            at += TEXT_HEAD_LENGTH + (buffer.getByte(at + 8) & 0xFF);
        }
        return at == end;
    }

    public long viewedKindsMask()
    {
        return buffer.getLong(offset + VIEWED_KINDS_OFFSET, ORDER);
    }

    /** The feedback state: the response that asked, the question and catalog version behind it, the choice, the flags. */
    public CarryTail feedback(final int iid, final int questionKey, final long catalogVersion, final int choice, final int flags)
    {
        final int at = offset;
        buffer.putInt(at + FEEDBACK_IID_OFFSET, iid, ORDER);
        buffer.putInt(at + FEEDBACK_QUESTION_KEY_OFFSET, questionKey, ORDER);
        buffer.putLong(at + FEEDBACK_CATALOG_VERSION_OFFSET, catalogVersion, ORDER);
        buffer.putShort(at + FEEDBACK_CHOICE_OFFSET, (short)choice, ORDER);
        buffer.putByte(at + FEEDBACK_FLAGS_OFFSET, (byte)flags);
        return this;
    }

    public int feedbackIid()
    {
        return buffer.getInt(offset + FEEDBACK_IID_OFFSET, ORDER);
    }

    public int feedbackQuestionKey()
    {
        return buffer.getInt(offset + FEEDBACK_QUESTION_KEY_OFFSET, ORDER);
    }

    public long feedbackCatalogVersion()
    {
        return buffer.getLong(offset + FEEDBACK_CATALOG_VERSION_OFFSET, ORDER);
    }

    public int feedbackChoice()
    {
        return buffer.getShort(offset + FEEDBACK_CHOICE_OFFSET, ORDER);
    }

    public int feedbackFlags()
    {
        return buffer.getByte(offset + FEEDBACK_FLAGS_OFFSET) & 0xFF;
    }

    public int contextCount()
    {
        return tailByte(CONTEXT_COUNT_OFFSET);
    }

    /** Appends a context pair (before any goal or text). */
    public CarryTail addContext(final long keyHash, final long valueHash, final double number, final boolean trusted)
    {
        final int count = contextCount();
        final int at = contextEntry(count);
        buffer.putLong(at, keyHash, ORDER);
        buffer.putLong(at + 8, valueHash, ORDER);
        buffer.putDouble(at + 16, number, ORDER);
        buffer.putByte(offset + TRUSTED_MASK_OFFSET, (byte)(tailByte(TRUSTED_MASK_OFFSET) | (trusted ? 1 << count : 0)));
        buffer.putByte(offset + CONTEXT_COUNT_OFFSET, (byte)(count + 1));
        return this;
    }

    public long contextKeyHash(final int index)
    {
        return buffer.getLong(contextEntry(index), ORDER);
    }

    public long contextValueHash(final int index)
    {
        return buffer.getLong(contextEntry(index) + 8, ORDER);
    }

    public double contextNumber(final int index)
    {
        return buffer.getDouble(contextEntry(index) + 16, ORDER);
    }

    public boolean contextTrusted(final int index)
    {
        return (tailByte(TRUSTED_MASK_OFFSET) & 1 << index) != 0;
    }

    public int goalCount()
    {
        return tailByte(GOAL_COUNT_OFFSET);
    }

    /** Appends a goal reached (after every context pair, before any text). */
    public CarryTail addGoal(final long goalHash)
    {
        final int count = goalCount();
        buffer.putLong(goalEntry(count), goalHash, ORDER);
        buffer.putByte(offset + GOAL_COUNT_OFFSET, (byte)(count + 1));
        return this;
    }

    public long goal(final int index)
    {
        return buffer.getLong(goalEntry(index), ORDER);
    }

    public int textCount()
    {
        return tailByte(TEXT_COUNT_OFFSET);
    }

    /** Appends the text of a context key from a session record's text slot (last of all). */
    public CarryTail addText(final SessionContextFlyweight context, final int slot)
    {
        final int count = textCount();
        final int at = textEntry(count);
        buffer.putLong(at, context.contextTextKeyHashAt(slot), ORDER);
        buffer.putByte(at + 8, (byte)context.copyContextTextAt(slot, buffer, at + TEXT_HEAD_LENGTH));
        final int trusted = context.contextTextTrustedAt(slot) ? 1 << count : 0;
        buffer.putByte(offset + TEXT_TRUSTED_MASK_OFFSET, (byte)(tailByte(TEXT_TRUSTED_MASK_OFFSET) | trusted));
        buffer.putByte(offset + TEXT_COUNT_OFFSET, (byte)(count + 1));
        return this;
    }

    public long textKeyHash(final int index)
    {
        return buffer.getLong(textEntry(index), ORDER);
    }

    public int textLength(final int index)
    {
        return buffer.getByte(textEntry(index) + 8) & 0xFF;
    }

    /** Where text {@code index}'s UTF-8 starts in the payload buffer ({@link #buffer()}). */
    public int textUtf8Offset(final int index)
    {
        return textEntry(index) + TEXT_HEAD_LENGTH;
    }

    public boolean textTrusted(final int index)
    {
        return (tailByte(TEXT_TRUSTED_MASK_OFFSET) & 1 << index) != 0;
    }

    /** The payload's bytes (for a text's UTF-8, {@link #textUtf8Offset}). */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    private int tailByte(final int field)
    {
        return buffer.getByte(offset + field) & 0xFF;
    }

    private int contextEntry(final int index)
    {
        return offset + FIXED_LENGTH + index * CONTEXT_ENTRY_LENGTH;
    }

    private int goalEntry(final int index)
    {
        return contextEntry(contextCount()) + index * GOAL_ENTRY_LENGTH;
    }

    private int textEntry(final int index)
    {
        int at = goalEntry(goalCount());
        for (int i = 0; i < index; i++)
        {
            at += TEXT_HEAD_LENGTH + (buffer.getByte(at + 8) & 0xFF);
        }
        return at;
    }
}
