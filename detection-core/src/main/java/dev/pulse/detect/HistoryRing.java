package dev.pulse.detect;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The layout of one ring of fixed-size entries inside a record, and the arithmetic over it: a
 * count byte and a head byte (the slot of the newest entry) somewhere in the record's header, and
 * {@code capacity} entries of {@code entryLength} bytes from {@code entriesOffset}. The newest entry
 * is age 0; pushing into a full ring overwrites the oldest.
 *
 * <pre>
 *   header:  ... | count | head | ...
 *   entries: | slot 0 | slot 1 | ... | slot head (age 0) | ... | slot capacity-1 |
 *              \______________ capacity x entryLength bytes ______________/
 * </pre>
 *
 * Holds no buffer, so one immutable instance per ring serves every record: each method takes the
 * buffer and the record's offset, and answers absolute offsets of entries. Allocation-free.
 *
 * <p>A record, so that the JIT trusts its final fields: each instance is a {@code static final}
 * constant of its owner, and its shape folds into the code as literals would (a plain class's
 * final fields are loaded again on every call).
 *
 * @param countOffset   the count byte's offset in the record.
 * @param headOffset    the head byte's offset in the record.
 * @param entriesOffset where slot 0 starts in the record.
 * @param capacity      how many entries the ring keeps, at most 255 (the count is a byte).
 * @param entryLength   the bytes of one entry.
 */
public record HistoryRing(int countOffset, int headOffset, int entriesOffset, int capacity, int entryLength)
{
    public HistoryRing
    {
        if (capacity < 1 || capacity > 255)
        {
            throw new IllegalArgumentException("capacity must be 1..255: " + capacity);
        }
    }

    /** The bytes the entries take: {@code capacity x entryLength}. */
    public int entriesLength()
    {
        return capacity * entryLength;
    }

    /** How many entries the ring of the record at {@code recordOffset} holds. */
    public int count(final DirectBuffer buffer, final int recordOffset)
    {
        return buffer.getByte(recordOffset + countOffset) & 0xFF;
    }

    /** Forgets every entry (their bytes stay, unread). */
    public void clear(final MutableDirectBuffer buffer, final int recordOffset)
    {
        buffer.putByte(recordOffset + countOffset, (byte)0);
    }

    /**
     * Advances the head and answers the absolute offset of the new newest entry for the caller to
     * write; the oldest entry is overwritten when the ring is full.
     */
    public int push(final MutableDirectBuffer buffer, final int recordOffset)
    {
        final int count = count(buffer, recordOffset);
        final int next = (buffer.getByte(recordOffset + headOffset) & 0xFF) + 1;
        final int head = count == 0 || next == capacity ? 0 : next;
        buffer.putByte(recordOffset + headOffset, (byte)head);
        if (count < capacity)
        {
            buffer.putByte(recordOffset + countOffset, (byte)(count + 1));
        }
        return recordOffset + entriesOffset + entryLength * head;
    }

    /** The absolute offset of the entry of that age (0: newest), which must be below {@link #count}. */
    public int entryAt(final DirectBuffer buffer, final int recordOffset, final int age)
    {
        // No % here: a ring used other than as a constant would divide on every entry read, which
        // shows on the detectors' loops; the conditional add costs less either way.
        final int back = (buffer.getByte(recordOffset + headOffset) & 0xFF) - age;
        final int slot = back < 0 ? back + capacity : back;
        return recordOffset + entriesOffset + entryLength * slot;
    }
}
