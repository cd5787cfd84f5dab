package dev.pulse.detect;

import org.agrona.MutableDirectBuffer;

/**
 * What the session map's record views do alike: point at a record's bytes, say where they are,
 * and start a record all zero with its layout version in its first byte. Subclasses add the
 * fields of their layout and a {@code wrap} that returns their own type; a view over one part of a
 * record (the server's outcome windows) uses only the pointing and the flags. The parts of the
 * session state record are abstract subclasses of this one, so that they share its two fields.
 *
 * <p>Not thread-safe: one instance per owner, like every flyweight.
 */
public abstract class RecordFlyweight
{
    /** Every record keeps the version of its layout in its first byte. */
    protected static final int RECORD_VERSION_OFFSET = 0;

    protected MutableDirectBuffer buffer;
    protected int offset;

    /** The buffer of the record this view points at. */
    public final MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** Where the record starts in {@link #buffer()}. */
    public final int offset()
    {
        return offset;
    }

    protected final void wrapRecord(final MutableDirectBuffer buffer, final int offset)
    {
        // Wraps mostly move to another record of the same buffer, once or more per event and per view.
        // Storing a reference costs the GC's write barrier (on G1, a fence while this view is in the old
        // generation); comparing one does not.
        if (this.buffer != buffer)
        {
            this.buffer = buffer;
        }
        this.offset = offset;
    }

    /** Zeroes {@code length} bytes of the record and writes its layout version. */
    protected final void clearRecord(final int length, final byte layoutVersion)
    {
        buffer.setMemory(offset, length, (byte)0);
        buffer.putByte(offset + RECORD_VERSION_OFFSET, layoutVersion);
    }

    /** The layout version the record was written with (0 for a record never initialised). */
    protected final int recordVersion()
    {
        return buffer.getByte(offset + RECORD_VERSION_OFFSET);
    }

    /** Whether any bit of {@code mask} is set in the flags byte at {@code flagsOffset}. */
    protected final boolean flag(final int flagsOffset, final int mask)
    {
        return (buffer.getByte(offset + flagsOffset) & mask) != 0;
    }

    /** Sets or clears the bits of {@code mask} in the flags byte at {@code flagsOffset}, the others kept. */
    protected final void flag(final int flagsOffset, final int mask, final boolean on)
    {
        final int flags = buffer.getByte(offset + flagsOffset);
        buffer.putByte(offset + flagsOffset, (byte)(on ? flags | mask : flags & ~mask));
    }
}
