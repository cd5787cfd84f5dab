package dev.pulse.detect;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The layout of one bounded table of fixed-size entries inside a record, and the arithmetic over
 * it: a count byte somewhere in the record's header, and up to {@code capacity} entries of
 * {@code entryLength} bytes from {@code entriesOffset}, filled from slot 0 and never reordered.
 * Where {@link HistoryRing} keeps the newest entries, a table keeps the first ones until its owner
 * decides which slot to reuse.
 *
 * <pre>
 *   header:  ... | count | ...
 *   entries: | slot 0 | slot 1 | ... | slot count-1 | (free) ... | slot capacity-1 |
 * </pre>
 *
 * Holds no buffer, so one immutable instance per table serves every record: each method takes the
 * buffer and the record's offset, and answers slots or absolute offsets of entries. Allocation-free.
 *
 * <p>A record, so that the JIT trusts its final fields: each instance is a {@code static final}
 * constant of its owner, and its shape folds into the code as literals would (a plain class's
 * final fields are loaded again on every call).
 *
 * @param countOffset   the count byte's offset in the record.
 * @param entriesOffset where slot 0 starts in the record.
 * @param capacity      how many entries the table holds, at most 255 (the count is a byte).
 * @param entryLength   the bytes of one entry.
 */
public record SlotTable(int countOffset, int entriesOffset, int capacity, int entryLength)
{
    public SlotTable
    {
        if (capacity < 1 || capacity > 255)
        {
            throw new IllegalArgumentException("capacity must be 1..255: " + capacity);
        }
    }

    /** How many slots of the record at {@code recordOffset} are taken. */
    public int count(final DirectBuffer buffer, final int recordOffset)
    {
        return buffer.getByte(recordOffset + countOffset) & 0xFF;
    }

    /** The absolute offset of the entry in {@code slot}. */
    public int entry(final int recordOffset, final int slot)
    {
        return recordOffset + entriesOffset + entryLength * slot;
    }

    /** The first taken slot whose int at {@code keyOffset} (in the entry) is {@code key}, or -1. */
    public int findInt(final DirectBuffer buffer, final int recordOffset, final int keyOffset, final int key)
    {
        for (int slot = 0, count = count(buffer, recordOffset); slot < count; slot++)
        {
            if (buffer.getInt(entry(recordOffset, slot) + keyOffset) == key)
            {
                return slot;
            }
        }
        return -1;
    }

    /** The first taken slot whose long at {@code keyOffset} (in the entry) is {@code key}, or -1. */
    public int findLong(final DirectBuffer buffer, final int recordOffset, final int keyOffset, final long key)
    {
        for (int slot = 0, count = count(buffer, recordOffset); slot < count; slot++)
        {
            if (buffer.getLong(entry(recordOffset, slot) + keyOffset) == key)
            {
                return slot;
            }
        }
        return -1;
    }

    /** Takes the next free slot and answers it, or -1 (and changes nothing) when every slot is taken. */
    public int add(final MutableDirectBuffer buffer, final int recordOffset)
    {
        final int count = count(buffer, recordOffset);
        if (count == capacity)
        {
            return -1;
        }
        buffer.putByte(recordOffset + countOffset, (byte)(count + 1));
        return count;
    }
}
