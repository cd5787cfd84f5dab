package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.PAGE_VIEW_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_ACTED_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_KEY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_MEMORY_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_MEMORY_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_MEMORY_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_SIGNAL_MS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.TRIGGER_SIGNAL_PAGE_VIEW_OFFSET;

/**
 * The per-trigger memory of a session's state record ({@link SessionStateFlyweight#triggerMemory()}): for up to
 * {@link SessionStateFlyweight#TRIGGER_MEMORY_CAPACITY} triggers, when each last signalled (so
 * spent evidence is not counted twice) and last acted (its own cooldown). A full memory forgets the
 * least recently signalled trigger first.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class TriggerMemoryFlyweight extends SessionContextFlyweight
{
    private static final SlotTable MEMORY = new SlotTable(
        TRIGGER_MEMORY_COUNT_OFFSET, TRIGGER_MEMORY_OFFSET, SessionStateFlyweight.TRIGGER_MEMORY_CAPACITY,
        TRIGGER_MEMORY_ENTRY_LENGTH);

    /** The slot that remembers {@code triggerKey}, or -1 if this session has none. */
    public final int slot(final int triggerKey)
    {
        return MEMORY.findInt(buffer, offset, TRIGGER_KEY_OFFSET, triggerKey);
    }

    /** How many slots remember a trigger (slots 0 to this minus one). */
    public final int triggerMemoryCount()
    {
        return MEMORY.count(buffer, offset);
    }

    /** The trigger the taken {@code slot} remembers. */
    public final int triggerKeyAt(final int slot)
    {
        return buffer.getInt(MEMORY.entry(offset, slot) + TRIGGER_KEY_OFFSET);
    }

    /** The page view in which the trigger of {@code slot} last signalled (0 if never or slot -1). */
    public final int signalPageView(final int slot)
    {
        return slot < 0 ? 0 : buffer.getInt(MEMORY.entry(offset, slot) + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET);
    }

    /** When the trigger last signalled (0 if never): evidence older than this is spent. */
    public final long signalMs(final int slot)
    {
        return slot < 0 ? 0 : buffer.getLong(MEMORY.entry(offset, slot) + TRIGGER_SIGNAL_MS_OFFSET);
    }

    /** When the trigger last asked, held out or shadowed (0 if never): its own cooldown runs from here. */
    public final long actedMs(final int slot)
    {
        return slot < 0 ? 0 : buffer.getLong(MEMORY.entry(offset, slot) + TRIGGER_ACTED_MS_OFFSET);
    }

    /** Remembers that {@code triggerKey} signalled now, in the current page view. */
    public final void recordSignal(final int triggerKey, final long nowMs)
    {
        final int entry = MEMORY.entry(offset, slotFor(triggerKey));
        buffer.putInt(entry + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET, buffer.getInt(offset + PAGE_VIEW_COUNT_OFFSET));
        buffer.putLong(entry + TRIGGER_SIGNAL_MS_OFFSET, nowMs);
    }

    public final void recordActed(final int triggerKey, final long nowMs)
    {
        buffer.putLong(MEMORY.entry(offset, slotFor(triggerKey)) + TRIGGER_ACTED_MS_OFFSET, nowMs);
    }

    /** The trigger's slot; a new trigger takes a free one or the least recently signalled, cleared. */
    private int slotFor(final int triggerKey)
    {
        final int existing = slot(triggerKey);
        if (existing >= 0)
        {
            return existing;
        }
        int slot = MEMORY.add(buffer, offset);
        if (slot < 0)
        {
            slot = 0;
            for (int i = 1, count = MEMORY.capacity(); i < count; i++)
            {
                if (signalMs(i) < signalMs(slot))
                {
                    slot = i;
                }
            }
        }
        final int entry = MEMORY.entry(offset, slot);
        buffer.putInt(entry + TRIGGER_KEY_OFFSET, triggerKey);
        buffer.putInt(entry + TRIGGER_SIGNAL_PAGE_VIEW_OFFSET, 0);
        buffer.putLong(entry + TRIGGER_SIGNAL_MS_OFFSET, 0);
        buffer.putLong(entry + TRIGGER_ACTED_MS_OFFSET, 0);
        return slot;
    }
}
