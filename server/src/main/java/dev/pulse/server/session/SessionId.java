package dev.pulse.server.session;

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

    private long hi;
    private long lo;

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
            hi = random.nextLong();
            lo = random.nextLong();
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
