package dev.pulse.journal;

/**
 * A set of 128-bit session ids kept as pairs of longs in one open-addressed array: nothing boxed,
 * 16 bytes a sid at most half full, so a million erased sessions cost 32 MiB at worst. The sid
 * (0, 0) is the empty slot: no session has it (records without a session carry it). Not thread-safe.
 */
public final class SidSet
{
    private static final int INITIAL_SLOTS = 64;

    /** hi at 2 * slot, lo at 2 * slot + 1. */
    private long[] slots = new long[INITIAL_SLOTS * 2];
    private int size;

    /** Adds the sid; false if it was there already (or is (0, 0), which is never held). */
    public boolean add(final long sidHi, final long sidLo)
    {
        if (sidHi == 0 && sidLo == 0)
        {
            return false;
        }
        if ((size + 1) * 2 > slotCount())
        {
            grow();
        }
        final int slot = find(slots, sidHi, sidLo);
        if (slots[2 * slot] != 0 || slots[2 * slot + 1] != 0)
        {
            return false;
        }
        slots[2 * slot] = sidHi;
        slots[2 * slot + 1] = sidLo;
        size++;
        return true;
    }

    public boolean contains(final long sidHi, final long sidLo)
    {
        if (size == 0 || (sidHi == 0 && sidLo == 0))
        {
            return false;
        }
        final int slot = find(slots, sidHi, sidLo);
        return slots[2 * slot] != 0 || slots[2 * slot + 1] != 0;
    }

    public int size()
    {
        return size;
    }

    private int slotCount()
    {
        return slots.length / 2;
    }

    /** The slot holding the sid, or the empty slot where it would go (linear probing). */
    private static int find(final long[] slots, final long sidHi, final long sidLo)
    {
        final int mask = slots.length / 2 - 1;
        int slot = hash(sidHi, sidLo) & mask;
        while (true)
        {
            final long hi = slots[2 * slot];
            final long lo = slots[2 * slot + 1];
            if ((hi == 0 && lo == 0) || (hi == sidHi && lo == sidLo))
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(final long sidHi, final long sidLo)
    {
        // Sids are random, but a test's are small counters: mix so neighbours spread.
        final long mixed = (sidHi * 0x9E37_79B9_7F4A_7C15L) ^ (sidLo * 0xC2B2_AE3D_27D4_EB4FL);
        return (int)(mixed ^ (mixed >>> 32));
    }

    private void grow()
    {
        final long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2)
        {
            if (old[i] != 0 || old[i + 1] != 0)
            {
                final int slot = find(slots, old[i], old[i + 1]);
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
