package dev.pulse.server.session;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * An {@link UnsafeBuffer} for a session record, which refuses the writes such a record never
 * makes: Agrona's text writes (ASCII numbers and strings; the records hold numbers and hashes
 * only) and its ordered, volatile and atomic writes (a record is written only under its entry's
 * lock, by one thread). {@link UndoBuffer}, which must see every write, then has fewer to follow.
 */
abstract class BinaryRecordBuffer extends UnsafeBuffer
{
    BinaryRecordBuffer()
    {
        super(0, 0);
    }

    private static UnsupportedOperationException refused(final String method)
    {
        return new UnsupportedOperationException(method + ": a session record holds no text");
    }

    @Override
    public int putIntAscii(final int index, final int value)
    {
        throw refused("putIntAscii");
    }

    @Override
    public int putLongAscii(final int index, final long value)
    {
        throw refused("putLongAscii");
    }

    @Override
    public int putNaturalIntAscii(final int index, final int value)
    {
        throw refused("putNaturalIntAscii");
    }

    @Override
    public int putNaturalIntAsciiFromEnd(final int value, final int endExclusive)
    {
        throw refused("putNaturalIntAsciiFromEnd");
    }

    @Override
    public int putNaturalLongAscii(final int index, final long value)
    {
        throw refused("putNaturalLongAscii");
    }

    @Override
    public void putNaturalPaddedIntAscii(final int offset, final int length, final int value)
    {
        throw refused("putNaturalPaddedIntAscii");
    }

    @Override
    public int putStringAscii(final int index, final CharSequence value)
    {
        throw refused("putStringAscii");
    }

    @Override
    public int putStringAscii(final int index, final CharSequence value, final ByteOrder order)
    {
        throw refused("putStringAscii");
    }

    @Override
    public int putStringAscii(final int index, final String value)
    {
        throw refused("putStringAscii");
    }

    @Override
    public int putStringAscii(final int index, final String value, final ByteOrder order)
    {
        throw refused("putStringAscii");
    }

    @Override
    public int putStringWithoutLengthAscii(final int index, final CharSequence value)
    {
        throw refused("putStringWithoutLengthAscii");
    }

    @Override
    public int putStringWithoutLengthAscii(final int index, final CharSequence value, final int valueOffset, final int length)
    {
        throw refused("putStringWithoutLengthAscii");
    }

    @Override
    public int putStringWithoutLengthAscii(final int index, final String value)
    {
        throw refused("putStringWithoutLengthAscii");
    }

    @Override
    public int putStringWithoutLengthAscii(final int index, final String value, final int valueOffset, final int length)
    {
        throw refused("putStringWithoutLengthAscii");
    }

    @Override
    public boolean compareAndSetInt(final int index, final int expected, final int update)
    {
        throw refused("compareAndSetInt");
    }

    @Override
    public boolean compareAndSetLong(final int index, final long expected, final long update)
    {
        throw refused("compareAndSetLong");
    }

    @Override
    public int addIntOpaque(final int index, final int value)
    {
        throw refused("addIntOpaque");
    }

    @Override
    public int addIntOrdered(final int index, final int value)
    {
        throw refused("addIntOrdered");
    }

    @Override
    public int addIntRelease(final int index, final int value)
    {
        throw refused("addIntRelease");
    }

    @Override
    public int getAndAddInt(final int index, final int value)
    {
        throw refused("getAndAddInt");
    }

    @Override
    public int getAndSetInt(final int index, final int value)
    {
        throw refused("getAndSetInt");
    }

    @Override
    public long addLongOpaque(final int index, final long value)
    {
        throw refused("addLongOpaque");
    }

    @Override
    public long addLongOrdered(final int index, final long value)
    {
        throw refused("addLongOrdered");
    }

    @Override
    public long addLongRelease(final int index, final long value)
    {
        throw refused("addLongRelease");
    }

    @Override
    public long getAndAddLong(final int index, final long value)
    {
        throw refused("getAndAddLong");
    }

    @Override
    public long getAndSetLong(final int index, final long value)
    {
        throw refused("getAndSetLong");
    }

    @Override
    public void putByteVolatile(final int index, final byte value)
    {
        throw refused("putByteVolatile");
    }

    @Override
    public void putCharVolatile(final int index, final char value)
    {
        throw refused("putCharVolatile");
    }

    @Override
    public void putIntOpaque(final int index, final int value)
    {
        throw refused("putIntOpaque");
    }

    @Override
    public void putIntOrdered(final int index, final int value)
    {
        throw refused("putIntOrdered");
    }

    @Override
    public void putIntRelease(final int index, final int value)
    {
        throw refused("putIntRelease");
    }

    @Override
    public void putIntVolatile(final int index, final int value)
    {
        throw refused("putIntVolatile");
    }

    @Override
    public void putLongOpaque(final int index, final long value)
    {
        throw refused("putLongOpaque");
    }

    @Override
    public void putLongOrdered(final int index, final long value)
    {
        throw refused("putLongOrdered");
    }

    @Override
    public void putLongRelease(final int index, final long value)
    {
        throw refused("putLongRelease");
    }

    @Override
    public void putLongVolatile(final int index, final long value)
    {
        throw refused("putLongVolatile");
    }

    @Override
    public void putShortVolatile(final int index, final short value)
    {
        throw refused("putShortVolatile");
    }

    @Override
    public int putStringUtf8(final int index, final String value)
    {
        throw refused("putStringUtf8");
    }

    @Override
    public int putStringUtf8(final int index, final String value, final ByteOrder order)
    {
        throw refused("putStringUtf8");
    }

    @Override
    public int putStringUtf8(final int index, final String value, final int maxEncodedLength)
    {
        throw refused("putStringUtf8");
    }

    @Override
    public int putStringUtf8(final int index, final String value, final ByteOrder order, final int maxEncodedLength)
    {
        throw refused("putStringUtf8");
    }

    @Override
    public int putStringWithoutLengthUtf8(final int index, final String value)
    {
        throw refused("putStringWithoutLengthUtf8");
    }
}
