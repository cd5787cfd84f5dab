package dev.pulse.server.carry;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;

import dev.pulse.detect.SessionStateFlyweight;

/**
 * A view over the payload of a carry: the facts of one session that Pulse's promises to the visitor
 * need on another node. Little-endian, {@link #MIN_LENGTH} bytes and then the two lists:
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
 * </pre>
 *
 * Times are wall times (epoch milliseconds; 0: never), because each node's session clock is its
 * own. {@code siteHash} is the {@code Hash64} of the site key; {@code generation} grows with every
 * carry of the session; {@code lastIid} the last intervention id allocated, so another node goes
 * on numbering from it. Flags: {@link #FLAG_DISMISSED}.
 *
 * <p>Not thread-safe: one per codec.
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
    /** The longest payload: every asked slot and every trigger memory slot taken. */
    public static final int MAX_LENGTH = MIN_LENGTH + SessionStateFlyweight.ASKED_CAPACITY * ASKED_ENTRY_LENGTH +
        SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY * TRIGGER_ENTRY_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private MutableDirectBuffer buffer;

    public CarryFlyweight wrap(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
        return this;
    }

    /** The payload's length as its counts say (valid only once {@link #lengthAgrees} holds). */
    public int length()
    {
        return MIN_LENGTH + askedCount() * ASKED_ENTRY_LENGTH + triggerCount() * TRIGGER_ENTRY_LENGTH;
    }

    /** Whether {@code decoded} bytes are exactly what the counts say, within the session record's capacities. */
    public boolean lengthAgrees(final int decoded)
    {
        return decoded >= MIN_LENGTH && askedCount() <= SessionStateFlyweight.ASKED_CAPACITY &&
            triggerCount() <= SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY && length() == decoded;
    }

    public CarryFlyweight header(final long sidHi, final long sidLo, final long siteHash, final long generation,
        final long issuedAtWallMs)
    {
        buffer.setMemory(0, MIN_LENGTH, (byte)0);
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
}
