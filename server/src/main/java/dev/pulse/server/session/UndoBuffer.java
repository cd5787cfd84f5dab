package dev.pulse.server.session;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * A session entry's bytes that remember what a change overwrote, so that the change can be undone
 * without copying the whole record first. Between {@link #track} and {@link #stopTracking}, the
 * first write into each 64-byte block of the record copies that block as it was; {@link #undo}
 * puts back exactly those blocks. An event reads and writes 10 to 13 of a record's 43 blocks: a
 * copy of all of it would read the other 30 from memory (the entry is seldom in the caches) only to
 * keep them.
 *
 * <p>Every method that writes is overridden: the plain primitive writes and the byte copies keep
 * their blocks first; the writes a session record never makes (text, ordered, volatile, atomic)
 * are refused ({@link BinaryRecordBuffer}), so no write can slip past the undo unseen
 * ({@code UndoBufferTest} checks that no write is inherited from Agrona).
 *
 * <pre>
 *   record:  | block 0 | block 1 | ... | block 42 |      kept: bit b of one long = block b saved
 * </pre>
 *
 * <p>Not thread-safe: one per accessor, like the flyweights over it.
 */
final class UndoBuffer extends BinaryRecordBuffer
{
    /** Bytes a block covers: one cache line. */
    static final int BLOCK_BYTES = 64;
    private static final int BLOCK_SHIFT = 6;

    private final byte[] saved;
    private final int maxLength;
    private long keptBlocks;
    private boolean tracking;

    /** @param maxLength the longest record it may point at: at most 64 blocks, one bit each. */
    UndoBuffer(final int maxLength)
    {
        if (maxLength > Long.SIZE * BLOCK_BYTES)
        {
            throw new IllegalArgumentException("a record of " + maxLength + " bytes has more blocks than a long has bits");
        }
        this.maxLength = maxLength;
        this.saved = new byte[maxLength];
    }

    /** Points at a record of {@code length} bytes at {@code address}; whatever was tracked for the last one is forgotten. */
    void point(final long address, final int length)
    {
        if (tracking)
        {
            // A change in progress would lose its undo: every change ends (commit or close) before its entry is let go.
            throw new IllegalStateException("the entry was changed for another during a change");
        }
        if (length > maxLength)
        {
            throw new IllegalArgumentException("a record of " + length + " bytes, longer than " + maxLength);
        }
        keptBlocks = 0;
        wrap(address, length);
    }

    /** From now on, keeps each block before its first write. */
    void track()
    {
        keptBlocks = 0;
        tracking = true;
    }

    /** The change is kept: nothing more is saved, and nothing can be undone. */
    void stopTracking()
    {
        tracking = false;
        keptBlocks = 0;
    }

    /** Puts back every block written since {@link #track}, as it was then, and stops tracking. */
    void undo()
    {
        tracking = false;
        long blocks = keptBlocks;
        keptBlocks = 0;
        while (blocks != 0)
        {
            final int block = Long.numberOfTrailingZeros(blocks);
            blocks &= blocks - 1;
            final int start = block << BLOCK_SHIFT;
            super.putBytes(start, saved, start, Math.min(BLOCK_BYTES, capacity() - start));
        }
    }

    /** Blocks saved so far in this change (a bit each), for tests. */
    long keptBlocks()
    {
        return keptBlocks;
    }

    /** Saves the blocks {@code [index, index + length)} touches that are not saved yet, before a write into them. */
    private void keep(final int index, final int length)
    {
        if (!tracking || length <= 0)
        {
            return;
        }
        boundsCheck0(index, length);
        final int first = index >>> BLOCK_SHIFT;
        final int last = (index + length - 1) >>> BLOCK_SHIFT;
        for (int block = first; block <= last; block++)
        {
            final long bit = 1L << block;
            if ((keptBlocks & bit) == 0)
            {
                keptBlocks |= bit;
                final int start = block << BLOCK_SHIFT;
                getBytes(start, saved, start, Math.min(BLOCK_BYTES, capacity() - start));
            }
        }
    }

    @Override
    public void putByte(final int index, final byte value)
    {
        keep(index, 1);
        super.putByte(index, value);
    }

    @Override
    public void putChar(final int index, final char value)
    {
        keep(index, 2);
        super.putChar(index, value);
    }

    @Override
    public void putChar(final int index, final char value, final ByteOrder order)
    {
        keep(index, 2);
        super.putChar(index, value, order);
    }

    @Override
    public void putDouble(final int index, final double value)
    {
        keep(index, 8);
        super.putDouble(index, value);
    }

    @Override
    public void putDouble(final int index, final double value, final ByteOrder order)
    {
        keep(index, 8);
        super.putDouble(index, value, order);
    }

    @Override
    public void putFloat(final int index, final float value)
    {
        keep(index, 4);
        super.putFloat(index, value);
    }

    @Override
    public void putFloat(final int index, final float value, final ByteOrder order)
    {
        keep(index, 4);
        super.putFloat(index, value, order);
    }

    @Override
    public void putInt(final int index, final int value)
    {
        keep(index, 4);
        super.putInt(index, value);
    }

    @Override
    public void putInt(final int index, final int value, final ByteOrder order)
    {
        keep(index, 4);
        super.putInt(index, value, order);
    }

    @Override
    public void putLong(final int index, final long value)
    {
        keep(index, 8);
        super.putLong(index, value);
    }

    @Override
    public void putLong(final int index, final long value, final ByteOrder order)
    {
        keep(index, 8);
        super.putLong(index, value, order);
    }

    @Override
    public void putShort(final int index, final short value)
    {
        keep(index, 2);
        super.putShort(index, value);
    }

    @Override
    public void putShort(final int index, final short value, final ByteOrder order)
    {
        keep(index, 2);
        super.putShort(index, value, order);
    }

    @Override
    public void putBytes(final int index, final byte[] src)
    {
        keep(index, src.length);
        super.putBytes(index, src);
    }

    @Override
    public void putBytes(final int index, final byte[] src, final int offset, final int length)
    {
        keep(index, length);
        super.putBytes(index, src, offset, length);
    }

    @Override
    public void putBytes(final int index, final ByteBuffer srcBuffer, final int length)
    {
        keep(index, length);
        super.putBytes(index, srcBuffer, length);
    }

    @Override
    public void putBytes(final int index, final ByteBuffer srcBuffer, final int srcIndex, final int length)
    {
        keep(index, length);
        super.putBytes(index, srcBuffer, srcIndex, length);
    }

    @Override
    public void putBytes(final int index, final DirectBuffer srcBuffer, final int srcIndex, final int length)
    {
        keep(index, length);
        super.putBytes(index, srcBuffer, srcIndex, length);
    }

    @Override
    public void setMemory(final int index, final int length, final byte value)
    {
        keep(index, length);
        super.setMemory(index, length, value);
    }

}
