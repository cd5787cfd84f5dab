package dev.pulse.bench.floor;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * The few fields of a client message the floor server reads ({@code t}, {@code seq}, {@code url},
 * {@code nav}, {@code choice}), found by one pass over the frame's top-level JSON object without
 * copying or allocating. It trusts its client (the load generator): it checks only what it needs to
 * tell messages apart, and reports anything it cannot read as not {@link #valid()}. Strings are kept
 * as byte ranges of the frame; {@code url} as a hash, enough to tell two pages apart.
 */
final class FloorMessage
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte[] KEY_T = ascii("t");
    private static final byte[] KEY_SEQ = ascii("seq");
    private static final byte[] KEY_URL = ascii("url");
    private static final byte[] KEY_NAV = ascii("nav");
    private static final byte[] KEY_CHOICE = ascii("choice");

    private ByteBuf frame;
    private boolean valid;
    private int typeStart;
    private int typeEnd;
    private long seq;
    private long urlHash;
    private int navStart;
    private int navEnd;
    private int choiceStart;
    private int choiceEnd;

    /** Reads {@code frame}'s fields; the ranges stay valid while the frame is. */
    FloorMessage read(final ByteBuf frame)
    {
        this.frame = frame;
        typeStart = typeEnd = navStart = navEnd = choiceStart = choiceEnd = -1;
        seq = 0;
        urlHash = 0;
        valid = scan(frame);
        return this;
    }

    boolean valid()
    {
        return valid;
    }

    boolean typeIs(final byte[] type)
    {
        return bytesEqual(frame, typeStart, typeEnd, type);
    }

    long seq()
    {
        return seq;
    }

    long urlHash()
    {
        return urlHash;
    }

    boolean navIs(final byte[] nav)
    {
        return bytesEqual(frame, navStart, navEnd, nav);
    }

    boolean hasChoice()
    {
        return choiceStart >= 0;
    }

    /** Copies the answer's choice id (as it stood between its quotes) to {@code out}. */
    void writeChoice(final ByteBuf out)
    {
        out.writeBytes(frame, choiceStart, choiceEnd - choiceStart);
    }

    private boolean scan(final ByteBuf in)
    {
        final int end = in.writerIndex();
        int i = skipSpace(in, in.readerIndex(), end);
        if (i >= end || in.getByte(i) != '{')
        {
            return false;
        }
        i = skipSpace(in, i + 1, end);
        while (i < end && in.getByte(i) == '"')
        {
            final int keyStart = i + 1;
            final int keyEnd = stringEnd(in, keyStart, end);
            if (keyEnd < 0)
            {
                return false;
            }
            i = skipSpace(in, keyEnd + 1, end);
            if (i >= end || in.getByte(i) != ':')
            {
                return false;
            }
            i = skipSpace(in, i + 1, end);
            final int valueEnd = valueEnd(in, i, end);
            if (valueEnd < 0)
            {
                return false;
            }
            keep(in, keyStart, keyEnd, i, valueEnd);
            i = skipSpace(in, valueEnd, end);
            if (i < end && in.getByte(i) == ',')
            {
                i = skipSpace(in, i + 1, end);
            }
        }
        return i < end && in.getByte(i) == '}' && typeStart >= 0;
    }

    /** Remembers the value of a key the floor needs; {@code valueEnd} is just past the value. */
    private void keep(final ByteBuf in, final int keyStart, final int keyEnd, final int valueStart, final int valueEnd)
    {
        final boolean string = in.getByte(valueStart) == '"';
        if (string && bytesEqual(in, keyStart, keyEnd, KEY_T))
        {
            typeStart = valueStart + 1;
            typeEnd = valueEnd - 1;
        }
        else if (bytesEqual(in, keyStart, keyEnd, KEY_SEQ))
        {
            seq = number(in, valueStart, valueEnd);
        }
        else if (string && bytesEqual(in, keyStart, keyEnd, KEY_URL))
        {
            urlHash = hash(in, valueStart + 1, valueEnd - 1);
        }
        else if (string && bytesEqual(in, keyStart, keyEnd, KEY_NAV))
        {
            navStart = valueStart + 1;
            navEnd = valueEnd - 1;
        }
        else if (string && bytesEqual(in, keyStart, keyEnd, KEY_CHOICE))
        {
            choiceStart = valueStart + 1;
            choiceEnd = valueEnd - 1;
        }
    }

    private static boolean bytesEqual(final ByteBuf in, final int start, final int end, final byte[] expected)
    {
        if (start < 0 || end - start != expected.length)
        {
            return false;
        }
        for (int i = 0; i < expected.length; i++)
        {
            if (in.getByte(start + i) != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private static long number(final ByteBuf in, final int start, final int end)
    {
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final byte b = in.getByte(i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static long hash(final ByteBuf in, final int start, final int end)
    {
        long hash = FNV_OFFSET;
        for (int i = start; i < end; i++)
        {
            hash = (hash ^ (in.getByte(i) & 0xff)) * FNV_PRIME;
        }
        return hash;
    }

    /** Just past a value starting at {@code i} (a string, an object or array, or a bare literal), or -1. */
    private static int valueEnd(final ByteBuf in, final int i, final int end)
    {
        if (i >= end)
        {
            return -1;
        }
        final byte first = in.getByte(i);
        if (first == '"')
        {
            final int close = stringEnd(in, i + 1, end);
            return close < 0 ? -1 : close + 1;
        }
        if (first == '{' || first == '[')
        {
            int depth = 0;
            int j = i;
            while (j < end)
            {
                final byte b = in.getByte(j);
                if (b == '"')
                {
                    j = stringEnd(in, j + 1, end);
                    if (j < 0)
                    {
                        return -1;
                    }
                }
                else if (b == '{' || b == '[')
                {
                    depth++;
                }
                else if ((b == '}' || b == ']') && --depth == 0)
                {
                    return j + 1;
                }
                j++;
            }
            return -1;
        }
        int j = i;
        while (j < end)
        {
            final byte b = in.getByte(j);
            if (b == ',' || b == '}' || b == ' ' || b == '\t' || b == '\n' || b == '\r')
            {
                break;
            }
            j++;
        }
        return j == i ? -1 : j;
    }

    /** The index of the quote closing a string whose content starts at {@code i}, or -1. */
    private static int stringEnd(final ByteBuf in, final int i, final int end)
    {
        int j = i;
        while (j < end)
        {
            final byte b = in.getByte(j);
            if (b == '\\')
            {
                j += 2;
                continue;
            }
            if (b == '"')
            {
                return j;
            }
            j++;
        }
        return -1;
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int skipSpace(final ByteBuf in, final int from, final int end)
    {
        int i = from;
        while (i < end)
        {
            final byte b = in.getByte(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
            {
                break;
            }
            i++;
        }
        return i;
    }
}
