package dev.pulse.server.carry;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * A view over the payload of a carry: the facts of one session that Pulse's promises to the visitor,
 * and the catalog's conditions, need on another node. Little-endian, {@link #MIN_LENGTH} bytes, the
 * two lists, and (version {@code c2}) the tail:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                    sidHi (8), sidLo (8)                        |  0
 *  |                        siteHash (8)                            | 16
 *  |                       generation (8)                           | 24
 *  |                     issuedAtWallMs (8)                         | 32
 *  |                       visitorHash (8)                          | 40
 *  |                     lastShownWallMs (8)                        | 48
 *  |                         lastIid (4)                            | 56
 *  |     flags     |  askedCount   | triggerCount  |     (pad)     | 60
 *  +---------------------------------------------------------------+
 *  |             askedCount x questionKey (4)                       | 64
 *  |     triggerCount x {triggerKey (4), actedWallMs (8)}           |
 *  +---------------------------------------------------------------+
 *  |       (c2 only) the tail: {@link CarryTail} draws it            |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Times are wall times (epoch milliseconds; 0: never), because each node's session clock is its
 * own. {@code siteHash} is the {@code Hash64} of the site key; {@code generation} grows with every
 * carry of the session; {@code lastIid} the last intervention id allocated, so another node goes
 * on numbering from it. Flags: {@link #FLAG_DISMISSED}.
 *
 * <p>What travels, per area of the session record, and why (docs/scaling.md, "Carrying a session
 * to another node"). Version {@code c1} holds the governor's facts above. The tail of {@code c2}
 * holds what issue 19's promises read on the next node:
 * <ul>
 * <li>the context pairs with their numbers and which of them the site's backend vouched for, so a
 * page on the next node cannot overwrite a trusted pair, {@code trusted: true} and {@code number}
 * conditions still hold, and templates are filled with the same texts;
 * <li>the goals reached ({@code goal_reached}) and the page kinds viewed ({@code stage_reached});
 * <li>the feedback state: the one response that may still be rated, and whether it was, so a "Did
 * this help?" answered on the next node for a response shown on this one is taken once, never twice.
 * </ul>
 * The detectors' windows do not travel: the page, back, search, click and form rings, the intent
 * ring ({@code search_intent}, {@code failed_search} by intent), the backend ring
 * ({@code backend_event}) and the scroll-backs of a page view. They are minutes of per-window memory
 * that restart on the next node as they would after a reload, no promise rests on them (the
 * trigger memory above keeps each trigger's cooldown, the asked list every "never twice"), and
 * carrying them would triple the carry. The wall clock's skew is each node's own. When the session
 * began does not travel either: before its first page view on the next node the session's start
 * stands for the current page's entry, which the page grace counts from, so an earlier start could
 * let the next node ask sooner than the grace allows. {@code session_longer_than} counts from the
 * hello on the next node: later, never sooner.
 *
 * <p>Written in order: {@link #header}, asked, triggers, then {@link #tail}. Not thread-safe: one per codec.
 */
public final class CarryFlyweight
{
    public static final int SID_HI_OFFSET = 0;
    public static final int SID_LO_OFFSET = 8;
    public static final int SITE_HASH_OFFSET = 16;
    public static final int GENERATION_OFFSET = 24;
    public static final int ISSUED_AT_WALL_MS_OFFSET = 32;
    public static final int VISITOR_HASH_OFFSET = 40;
    public static final int LAST_SHOWN_WALL_MS_OFFSET = 48;
    public static final int LAST_IID_OFFSET = 56;
    public static final int FLAGS_OFFSET = 60;
    public static final int ASKED_COUNT_OFFSET = 61;
    public static final int TRIGGER_COUNT_OFFSET = 62;
    public static final int MIN_LENGTH = 64;
    public static final int ASKED_ENTRY_LENGTH = 4;
    public static final int TRIGGER_ENTRY_LENGTH = 12;
    public static final int FLAG_DISMISSED = 1;
    /** The longest payload of version {@code c1}: every asked slot and every trigger memory slot taken. */
    public static final int MAX_BASE_LENGTH = MIN_LENGTH + SessionStateFlyweight.ASKED_CAPACITY * ASKED_ENTRY_LENGTH +
        SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY * TRIGGER_ENTRY_LENGTH;
    /** The longest payload (version {@code c2}, 672 bytes). */
    public static final int MAX_LENGTH = MAX_BASE_LENGTH + CarryTail.MAX_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private MutableDirectBuffer buffer;
    private final CarryTail tailView = new CarryTail();
    /** Whether the payload has the tail (version {@code c2}). */
    private boolean tail;

    public CarryFlyweight wrap(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
        return this;
    }

    /** The payload's length as its counts say (valid only once {@link #lengthAgrees} holds). */
    public int length()
    {
        return tail ? tailOffset() + tail().length() : tailOffset();
    }

    /**
     * Whether {@code decoded} bytes are exactly what the counts say, within the session record's
     * capacities; {@code withTail} for version {@code c2}, whose tail must then agree too.
     */
    public boolean lengthAgrees(final int decoded, final boolean withTail)
    {
        tail = false;
        if (decoded < MIN_LENGTH || askedCount() > SessionStateFlyweight.ASKED_CAPACITY ||
            triggerCount() > SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY)
        {
            return false;
        }
        if (!withTail)
        {
            return tailOffset() == decoded;
        }
        tail = decoded >= tailOffset() + CarryTail.FIXED_LENGTH && tail().lengthAgrees(decoded - tailOffset());
        return tail;
    }

    /** Whether the payload has the tail (version {@code c2}): written by {@link #tail}, read by {@link #lengthAgrees}. */
    public boolean hasTail()
    {
        return tail;
    }

    public CarryFlyweight header(final long sidHi, final long sidLo, final long siteHash, final long generation,
        final long issuedAtWallMs)
    {
        buffer.setMemory(0, MIN_LENGTH, (byte)0);
        tail = false;
        buffer.putLong(SID_HI_OFFSET, sidHi, ORDER);
        buffer.putLong(SID_LO_OFFSET, sidLo, ORDER);
        buffer.putLong(SITE_HASH_OFFSET, siteHash, ORDER);
        buffer.putLong(GENERATION_OFFSET, generation, ORDER);
        buffer.putLong(ISSUED_AT_WALL_MS_OFFSET, issuedAtWallMs, ORDER);
        return this;
    }

    public long sidHi()
    {
        return buffer.getLong(SID_HI_OFFSET, ORDER);
    }

    public long sidLo()
    {
        return buffer.getLong(SID_LO_OFFSET, ORDER);
    }

    public long siteHash()
    {
        return buffer.getLong(SITE_HASH_OFFSET, ORDER);
    }

    public long generation()
    {
        return buffer.getLong(GENERATION_OFFSET, ORDER);
    }

    public long issuedAtWallMs()
    {
        return buffer.getLong(ISSUED_AT_WALL_MS_OFFSET, ORDER);
    }

    public long visitorHash()
    {
        return buffer.getLong(VISITOR_HASH_OFFSET, ORDER);
    }

    public CarryFlyweight visitorHash(final long hash)
    {
        buffer.putLong(VISITOR_HASH_OFFSET, hash, ORDER);
        return this;
    }

    public long lastShownWallMs()
    {
        return buffer.getLong(LAST_SHOWN_WALL_MS_OFFSET, ORDER);
    }

    public CarryFlyweight lastShownWallMs(final long wallMs)
    {
        buffer.putLong(LAST_SHOWN_WALL_MS_OFFSET, wallMs, ORDER);
        return this;
    }

    public int lastIid()
    {
        return buffer.getInt(LAST_IID_OFFSET, ORDER);
    }

    public CarryFlyweight lastIid(final int iid)
    {
        buffer.putInt(LAST_IID_OFFSET, iid, ORDER);
        return this;
    }

    public boolean dismissed()
    {
        return (buffer.getByte(FLAGS_OFFSET) & FLAG_DISMISSED) != 0;
    }

    public CarryFlyweight dismissed(final boolean dismissed)
    {
        buffer.putByte(FLAGS_OFFSET, (byte)(dismissed ? FLAG_DISMISSED : 0));
        return this;
    }

    public int askedCount()
    {
        return buffer.getByte(ASKED_COUNT_OFFSET) & 0xFF;
    }

    public int askedKey(final int index)
    {
        return buffer.getInt(MIN_LENGTH + index * ASKED_ENTRY_LENGTH, ORDER);
    }

    /** Appends an asked question; every asked key goes before the first trigger. */
    public CarryFlyweight addAsked(final int questionKey)
    {
        final int count = askedCount();
        buffer.putInt(MIN_LENGTH + count * ASKED_ENTRY_LENGTH, questionKey, ORDER);
        buffer.putByte(ASKED_COUNT_OFFSET, (byte)(count + 1));
        return this;
    }

    public int triggerCount()
    {
        return buffer.getByte(TRIGGER_COUNT_OFFSET) & 0xFF;
    }

    public int triggerKey(final int index)
    {
        return buffer.getInt(triggerEntry(index), ORDER);
    }

    public long triggerActedWallMs(final int index)
    {
        return buffer.getLong(triggerEntry(index) + 4, ORDER);
    }

    public CarryFlyweight addTrigger(final int triggerKey, final long actedWallMs)
    {
        final int count = triggerCount();
        buffer.putInt(triggerEntry(count), triggerKey, ORDER);
        buffer.putLong(triggerEntry(count) + 4, actedWallMs, ORDER);
        buffer.putByte(TRIGGER_COUNT_OFFSET, (byte)(count + 1));
        return this;
    }

    private int triggerEntry(final int index)
    {
        return MIN_LENGTH + askedCount() * ASKED_ENTRY_LENGTH + index * TRIGGER_ENTRY_LENGTH;
    }

    /**
     * Starts the tail (version {@code c2}), after every asked key and trigger, with the page kinds
     * the session viewed; the rest of it is written through the returned view.
     */
    public CarryTail tail(final long viewedKindsMask)
    {
        tail = true;
        return tailView.wrap(buffer, tailOffset()).start(viewedKindsMask);
    }

    /** The tail (valid only when {@link #hasTail()}). */
    public CarryTail tail()
    {
        return tailView.wrap(buffer, tailOffset());
    }

    private int tailOffset()
    {
        return MIN_LENGTH + askedCount() * ASKED_ENTRY_LENGTH + triggerCount() * TRIGGER_ENTRY_LENGTH;
    }
}
