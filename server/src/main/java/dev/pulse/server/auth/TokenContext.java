package dev.pulse.server.auth;

import java.nio.CharBuffer;
import java.util.Map;

/**
 * The context a site's backend vouches for in a session token (tier, plan, locale, ...): the
 * {@code ctx} field of a {@code v2} token ({@link SessionToken}), {@code key:value} pairs joined by
 * {@code ,}, such as {@code tier:gold,plan:pro}. Keys and values are each 1 to 64 characters of
 * {@code A-Z a-z 0-9 - _} (as a {@link VisitorId}: no dot, comma or colon, so the fields stay
 * unambiguous); at most {@link #MAX_PAIRS} pairs, each key once, {@link #MAX_LENGTH} characters in all.
 *
 * <p>As a reader it keeps the last token's pairs in reused buffers, read through reused
 * {@link CharSequence} views: nothing is allocated per hello. Not thread-safe: one per verifier.
 */
public final class TokenContext
{
    /** The most pairs a token carries: as many as a hello's {@code ctx} may. */
    public static final int MAX_PAIRS = 8;
    /** The longest {@code ctx} field. */
    public static final int MAX_LENGTH = 256;
    /** What the {@code pulse token} command says of a bad pair. */
    public static final String RULE = "context is key=value, each 1 to 64 characters: A-Z a-z 0-9 - _, at most " + MAX_PAIRS +
        " keys, each once";

    private final char[] chars = new char[MAX_LENGTH];
    /** The buffer as a CharSequence, for checking a run of it before it becomes a pair. */
    private final CharSequence all = CharBuffer.wrap(chars);
    private final Slice[] keys = new Slice[MAX_PAIRS];
    private final Slice[] values = new Slice[MAX_PAIRS];
    private int count;

    TokenContext()
    {
        for (int i = 0; i < MAX_PAIRS; i++)
        {
            keys[i] = new Slice(chars);
            values[i] = new Slice(chars);
        }
    }

    /**
     * The {@code ctx} field for these pairs, in the map's order.
     *
     * @throws IllegalArgumentException if a key or value breaks the {@link #RULE}, or there are too many.
     */
    public static String format(final Map<String, String> context)
    {
        if (context.size() > MAX_PAIRS)
        {
            throw new IllegalArgumentException(RULE);
        }
        final StringBuilder field = new StringBuilder();
        for (final Map.Entry<String, String> pair : context.entrySet())
        {
            if (!VisitorId.isValid(pair.getKey()) || !VisitorId.isValid(pair.getValue()))
            {
                throw new IllegalArgumentException(RULE);
            }
            field.append(field.length() == 0 ? "" : ",").append(pair.getKey()).append(':').append(pair.getValue());
        }
        if (field.length() > MAX_LENGTH)
        {
            throw new IllegalArgumentException("the context is longer than " + MAX_LENGTH + " characters in all");
        }
        return field.toString();
    }

    /**
     * Reads the {@code ctx} field in [{@code from}, {@code to}) of {@code token} (empty: no pairs).
     *
     * @return false, with no pairs kept, if it is not of the form above.
     */
    boolean read(final CharSequence token, final int from, final int to)
    {
        count = 0;
        if (to - from > MAX_LENGTH)
        {
            return false;
        }
        for (int i = from; i < to; i++)
        {
            chars[i - from] = token.charAt(i);
        }
        final int length = to - from;
        int at = 0;
        while (at < length)
        {
            final int end = indexOf(',', at, length);
            final int colon = indexOf(':', at, end);
            final boolean trailingComma = end == length - 1;
            if (count == MAX_PAIRS || trailingComma || !VisitorId.isValid(all, at, colon) || !VisitorId.isValid(all, colon + 1, end) ||
                pairOf(at, colon) >= 0)
            {
                count = 0;
                return false;
            }
            keys[count].set(at, colon);
            values[count].set(colon + 1, end);
            count++;
            at = end + 1;
        }
        return true;
    }

    /** The index of {@code c} in the buffer in [{@code from}, {@code to}), or {@code to}. */
    private int indexOf(final char c, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (chars[i] == c)
            {
                return i;
            }
        }
        return to;
    }

    /** Forgets the pairs: what a refused token leaves. */
    void clear()
    {
        count = 0;
    }

    /** How many pairs the last valid token carried (0 for a {@code v1} token). */
    public int count()
    {
        return count;
    }

    public CharSequence key(final int index)
    {
        return keys[index];
    }

    public CharSequence value(final int index)
    {
        return values[index];
    }

    /** The index of the pair kept so far whose key is the buffer's chars in [{@code from}, {@code to}), or -1. */
    private int pairOf(final int from, final int to)
    {
        for (int i = 0; i < count; i++)
        {
            if (keys[i].contentEquals(chars, from, to))
            {
                return i;
            }
        }
        return -1;
    }

    /** Whether the last valid token carried {@code key}; allocation-free. */
    public boolean hasKey(final CharSequence key)
    {
        for (int i = 0; i < count; i++)
        {
            if (keys[i].contentEquals(key))
            {
                return true;
            }
        }
        return false;
    }

    /** A run of {@link #chars}, reused. */
    private static final class Slice implements CharSequence
    {
        private final char[] chars;
        private int start;
        private int length;

        Slice(final char[] chars)
        {
            this.chars = chars;
        }

        void set(final int from, final int to)
        {
            start = from;
            length = to - from;
        }

        boolean contentEquals(final char[] text, final int from, final int to)
        {
            if (to - from != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (chars[start + i] != text[from + i])
                {
                    return false;
                }
            }
            return true;
        }

        boolean contentEquals(final CharSequence text)
        {
            if (text.length() != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (chars[start + i] != text.charAt(i))
                {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int length()
        {
            return length;
        }

        @Override
        public char charAt(final int index)
        {
            return chars[start + index];
        }

        /** Allocates: for cold paths and tests. */
        @Override
        public CharSequence subSequence(final int from, final int to)
        {
            return new String(chars, start + from, to - from);
        }

        /** Allocates: for cold paths and tests. */
        @Override
        public String toString()
        {
            return new String(chars, start, length);
        }
    }
}
