package dev.pulse.server.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Session ids: 128 random bits from a secure source, written on the wire as 32 lower-case hex
 * characters (high 64 bits first). Parsing and formatting work on chars and longs, so handling an
 * id allocates nothing. A client's id is never adopted: new sessions always get a fresh one.
 */
public final class SessionId
{
    public static final int HEX_LENGTH = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bits = new byte[16];
    private long hi;
    private long lo;

    /**
     * A generator of one thread's own for its ids: the JDK's DRBG (Hash_DRBG with SHA-256), seeded once from the
     * system's entropy. Not {@code new SecureRandom()}: on Linux that is NativePRNG, whose every draw takes locks shared
     * by every instance in the process and mixes in bytes read from /dev/urandom (BENCHMARKS.md, issue 20, round 5).
     */
    public static SecureRandom newRandom()
    {
        try
        {
            return SecureRandom.getInstance("DRBG");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("this JDK has no DRBG SecureRandom", ex);
        }
    }

    public long hi()
    {
        return hi;
    }

    public long lo()
    {
        return lo;
    }

    public SessionId set(final long hi, final long lo)
    {
        this.hi = hi;
        this.lo = lo;
        return this;
    }

    /** A fresh random id from {@code random}. */
    public SessionId generate(final SecureRandom random)
    {
        do
        {
            // One draw of 16 bytes: two nextLong() would be four draws of 4 bytes.
            random.nextBytes(bits);
            hi = (long)LONGS.get(bits, 0);
            lo = (long)LONGS.get(bits, 8);
        }
        while (hi == 0 && lo == 0);
        return this;
    }

    /**
     * Reads 32 hex characters (either case).
     *
     * @return false, leaving this id unchanged, if the text is not exactly that.
     */
    public boolean parse(final char[] chars, final int offset, final int length)
    {
        if (length != HEX_LENGTH)
        {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < HEX_LENGTH; i++)
        {
            final int digit = Character.digit(chars[offset + i], 16);
            if (digit < 0)
            {
                return false;
            }
            if (i < 16)
            {
                high = (high << 4) | digit;
            }
            else
            {
                low = (low << 4) | digit;
            }
        }
        hi = high;
        lo = low;
        return true;
    }

    /** Writes the 32 hex characters into {@code out} at {@code offset}. */
    public static void format(final long hi, final long lo, final char[] out, final int offset)
    {
        for (int i = 0; i < 16; i++)
        {
            out[offset + i] = HEX[(int)(hi >>> (60 - 4 * i)) & 0xF];
            out[offset + 16 + i] = HEX[(int)(lo >>> (60 - 4 * i)) & 0xF];
        }
    }

    /** The id as text; allocates (cold paths: logs, admin, tests). */
    public static String toString(final long hi, final long lo)
    {
        final char[] chars = new char[HEX_LENGTH];
        format(hi, lo, chars, 0);
        return new String(chars);
    }

    @Override
    public String toString()
    {
        return toString(hi, lo);
    }
}
