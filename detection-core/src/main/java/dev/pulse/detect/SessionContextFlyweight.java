package dev.pulse.detect;

import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_KEY_HASH_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_NUMBERS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_NUMBER_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TRUSTED_MASK_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_VALUE_HASH_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.GOALS_REACHED_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.GOAL_COUNT_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.GOAL_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.GOAL_HEAD_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.WALL_SKEW_MS_OFFSET;

/**
 * The context part of a session's state record ({@link SessionStateFlyweight#context()}): up to
 * {@link SessionStateFlyweight#CONTEXT_CAPACITY} key-value pairs (device, tier, team_size, ...), kept
 * as hashes, each with its value as a number (NaN when not numeric) and whether the site's backend
 * vouched for it (trusted: a signed token or a backend {@code context} event; the page's own values
 * are untrusted and never overwrite a trusted one); the goals the session reached; the wall clock's
 * skew from the session clock; and the few context texts response templates insert
 * ({@link ContextTextsFlyweight}). Trigger conditions compare against all of it.
 *
 * <p>Not thread-safe, like the record.
 */
public abstract class SessionContextFlyweight extends ContextTextsFlyweight
{
    /** How many goals a session remembers; a ninth replaces the oldest. */
    public static final int GOAL_CAPACITY = 8;

    private static final SlotTable CONTEXT = new SlotTable(
        CONTEXT_COUNT_OFFSET, CONTEXT_OFFSET, SessionStateFlyweight.CONTEXT_CAPACITY, CONTEXT_ENTRY_LENGTH);

    public final int contextCount()
    {
        return CONTEXT.count(buffer, offset);
    }

    /**
     * Sets an untrusted context value (the page's), both as hashes, not numeric. A key already
     * present is overwritten unless its value is trusted.
     *
     * @return false if the key is new and all {@link SessionStateFlyweight#CONTEXT_CAPACITY} slots are taken.
     */
    public final boolean putContext(final long keyHash, final long valueHash)
    {
        return putContext(keyHash, valueHash, Double.NaN, false);
    }

    /**
     * Sets a context value with its number (NaN when the value is not numeric). A trusted value
     * overwrites any value of its key and marks it trusted; an untrusted one leaves a trusted value
     * as it is (and answers true: the key has a value).
     *
     * @return false if the key is new and all {@link SessionStateFlyweight#CONTEXT_CAPACITY} slots are taken.
     */
    public final boolean putContext(final long keyHash, final long valueHash, final double number, final boolean trusted)
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
        else if (!trusted && trustedSlot(slot))
        {
            return true;
        }
        buffer.putLong(CONTEXT.entry(offset, slot) + CONTEXT_VALUE_HASH_OFFSET, valueHash);
        buffer.putDouble(offset + CONTEXT_NUMBERS_OFFSET + CONTEXT_NUMBER_LENGTH * slot, number);
        final int mask = buffer.getByte(offset + CONTEXT_TRUSTED_MASK_OFFSET) & 0xFF;
        buffer.putByte(offset + CONTEXT_TRUSTED_MASK_OFFSET, (byte)(trusted ? mask | 1 << slot : mask & ~(1 << slot)));
        return true;
    }

    /** Whether the key is set, to that value (trusted or not). */
    public final boolean contextEquals(final long keyHash, final long valueHash)
    {
        return contextEquals(keyHash, valueHash, false);
    }

    /** Whether the key is set, to that value, and trusted when {@code trustedOnly}. */
    public final boolean contextEquals(final long keyHash, final long valueHash, final boolean trustedOnly)
    {
        final int slot = CONTEXT.findLong(buffer, offset, CONTEXT_KEY_HASH_OFFSET, keyHash);
        return slot >= 0 && buffer.getLong(CONTEXT.entry(offset, slot) + CONTEXT_VALUE_HASH_OFFSET) == valueHash &&
            (!trustedOnly || trustedSlot(slot));
    }

    /** The key's value as a number; NaN when absent, not numeric, or untrusted while {@code trustedOnly}. */
    public final double contextNumber(final long keyHash, final boolean trustedOnly)
    {
        final int slot = CONTEXT.findLong(buffer, offset, CONTEXT_KEY_HASH_OFFSET, keyHash);
        if (slot < 0 || trustedOnly && !trustedSlot(slot))
        {
            return Double.NaN;
        }
        return buffer.getDouble(offset + CONTEXT_NUMBERS_OFFSET + CONTEXT_NUMBER_LENGTH * slot);
    }

    /** Whether the key has a value the site's backend vouched for. */
    public final boolean contextTrusted(final long keyHash)
    {
        final int slot = CONTEXT.findLong(buffer, offset, CONTEXT_KEY_HASH_OFFSET, keyHash);
        return slot >= 0 && trustedSlot(slot);
    }

    // ---- slots, for carrying a session to another node ------------------------------------

    /** The key hash of context slot {@code slot} (below {@link #contextCount()}). */
    public final long contextKeyHashAt(final int slot)
    {
        return buffer.getLong(CONTEXT.entry(offset, slot) + CONTEXT_KEY_HASH_OFFSET);
    }

    /** The value hash of context slot {@code slot}. */
    public final long contextValueHashAt(final int slot)
    {
        return buffer.getLong(CONTEXT.entry(offset, slot) + CONTEXT_VALUE_HASH_OFFSET);
    }

    /** The number of context slot {@code slot} (NaN: not numeric). */
    public final double contextNumberAt(final int slot)
    {
        return buffer.getDouble(offset + CONTEXT_NUMBERS_OFFSET + CONTEXT_NUMBER_LENGTH * slot);
    }

    /** Whether context slot {@code slot} came from the site's backend. */
    public final boolean contextTrustedAt(final int slot)
    {
        return trustedSlot(slot);
    }

    private boolean trustedSlot(final int slot)
    {
        return (buffer.getByte(offset + CONTEXT_TRUSTED_MASK_OFFSET) & 1 << slot) != 0;
    }

    // ---- goals ------------------------------------------------------------------------------

    /** Remembers that the session reached a goal (its name's hash); a goal already kept stays once. */
    public final void goalReached(final long goalHash)
    {
        if (goalHash == 0 || hasReachedGoal(goalHash))
        {
            return;
        }
        final int count = buffer.getByte(offset + GOAL_COUNT_OFFSET) & 0xFF;
        final int slot;
        if (count < GOAL_CAPACITY)
        {
            slot = count;
            buffer.putByte(offset + GOAL_COUNT_OFFSET, (byte)(count + 1));
        }
        else
        {
            slot = buffer.getByte(offset + GOAL_HEAD_OFFSET) & 0xFF;
            buffer.putByte(offset + GOAL_HEAD_OFFSET, (byte)((slot + 1) % GOAL_CAPACITY));
        }
        buffer.putLong(offset + GOALS_REACHED_OFFSET + GOAL_ENTRY_LENGTH * slot, goalHash);
    }

    /** Whether the session reached the goal whose name hashes to {@code goalHash}. */
    public final boolean hasReachedGoal(final long goalHash)
    {
        for (int slot = 0, count = buffer.getByte(offset + GOAL_COUNT_OFFSET) & 0xFF; slot < count; slot++)
        {
            if (buffer.getLong(offset + GOALS_REACHED_OFFSET + GOAL_ENTRY_LENGTH * slot) == goalHash)
            {
                return true;
            }
        }
        return false;
    }

    /** How many goals the session keeps (at most {@link #GOAL_CAPACITY}). */
    public final int goalCount()
    {
        return buffer.getByte(offset + GOAL_COUNT_OFFSET) & 0xFF;
    }

    /** The hash of kept goal {@code index} (below {@link #goalCount()}), in slot order. */
    public final long goalAt(final int index)
    {
        return buffer.getLong(offset + GOALS_REACHED_OFFSET + GOAL_ENTRY_LENGTH * index);
    }

    // ---- wall clock -------------------------------------------------------------------------

    /** The wall clock minus the session clock, as the last event saw it (0: the session clock is the wall clock). */
    public final long wallSkewMs()
    {
        return buffer.getLong(offset + WALL_SKEW_MS_OFFSET);
    }

    /** Keeps the skew the caller measured at this event: {@code wallMs - nowMs}. */
    public final void wallSkewMs(final long skewMs)
    {
        buffer.putLong(offset + WALL_SKEW_MS_OFFSET, skewMs);
    }

    /** The wall time (epoch ms) at the session time {@code nowMs}. */
    public final long wallMs(final long nowMs)
    {
        return nowMs + wallSkewMs();
    }
}
