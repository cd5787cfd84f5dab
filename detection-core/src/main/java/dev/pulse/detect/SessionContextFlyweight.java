package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_KEY_HASH_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_VALUE_HASH_OFFSET;

/**
 * The context part of a session's state record ({@link SessionStateFlyweight#context()}): up to
 * {@link SessionStateFlyweight#CONTEXT_CAPACITY} key-value pairs (device, tier, ...), both kept as
 * hashes, that trigger conditions compare against.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionContextFlyweight extends RecordFlyweight
{
    private static final SlotTable CONTEXT = new SlotTable(
        CONTEXT_COUNT_OFFSET, CONTEXT_OFFSET, SessionStateFlyweight.CONTEXT_CAPACITY, CONTEXT_ENTRY_LENGTH);

    public final int contextCount()
    {
        return CONTEXT.count(buffer, offset);
    }

    /**
     * Sets a context value, both as hashes. A key already present is overwritten.
     *
     * @return false if the key is new and all {@link SessionStateFlyweight#CONTEXT_CAPACITY} slots are taken.
     */
    public final boolean putContext(final long keyHash, final long valueHash)
    {
        int slot = CONTEXT.findLong(buffer, offset, CONTEXT_KEY_HASH_OFFSET, keyHash);
        if (slot < 0)
        {
            slot = CONTEXT.add(buffer, offset);
            if (slot < 0)
            {
                return false;
            }
            buffer.putLong(CONTEXT.entry(offset, slot) + CONTEXT_KEY_HASH_OFFSET, keyHash);
        }
        buffer.putLong(CONTEXT.entry(offset, slot) + CONTEXT_VALUE_HASH_OFFSET, valueHash);
        return true;
    }

    /** Whether the key is set, to that value. */
    public final boolean contextEquals(final long keyHash, final long valueHash)
    {
        final int slot = CONTEXT.findLong(buffer, offset, CONTEXT_KEY_HASH_OFFSET, keyHash);
        return slot >= 0 && buffer.getLong(CONTEXT.entry(offset, slot) + CONTEXT_VALUE_HASH_OFFSET) == valueHash;
    }
}
