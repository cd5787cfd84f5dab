package dev.pulse.loadtest;

import java.util.Arrays;

/**
 * Structural reading of JSON in a byte array, for {@link ServerMessageScanner}: where a string, a
 * number, a literal or a whole nested value ends, so a scanner can step over what it does not
 * need without building anything. Strings are stepped over with their escapes (a key's name inside
 * a string never looks like a key); nesting deeper than {@link #MAX_DEPTH} is refused, so a hostile
 * message cannot exhaust the stack.
 *
 * <p>No allocation and no exceptions: positions are ints and {@link #FAIL} marks an error.
 */
final class JsonBytes
{
    /** A position that marks malformed JSON. */
    static final int FAIL = -1;
    /** The deepest nesting stepped over; deeper is malformed (the skip recurses once per level). */
    static final int MAX_DEPTH = 32;

    static final byte[] TRUE = ClientFrameProxy.ascii("true");
    static final byte[] FALSE = ClientFrameProxy.ascii("false");
    static final byte[] NULL = ClientFrameProxy.ascii("null");

    private JsonBytes()
    {
    }

    /** The end (exclusive) of the JSON value at {@code pos}, or {@link #FAIL} (also when {@code pos} is). */
    static int skipValue(final byte[] bytes, final int pos, final int length, final int depth)
    {
        if (pos < 0 || pos >= length || depth > MAX_DEPTH)
        {
            return FAIL;
        }
        switch (bytes[pos])
        {
            case '"':
            {
                final int end = stringEnd(bytes, pos, length);
                return end == FAIL ? FAIL : end + 1;
            }
            case '{':
                return container(bytes, pos, length, depth, '}', true);
            case '[':
                return container(bytes, pos, length, depth, ']', false);
            case 't':
                return literal(bytes, pos, length, TRUE);
            case 'f':
                return literal(bytes, pos, length, FALSE);
            case 'n':
                return literal(bytes, pos, length, NULL);
            default:
                return numberEnd(bytes, pos, length);
        }
    }

    /** The end of the object ({@code keyed}) or array opening at {@code start}, its members skipped. */
    private static int container(
        final byte[] bytes, final int start, final int length, final int depth, final char close, final boolean keyed)
    {
        int pos = skipSpace(bytes, start + 1, length);
        if (pos < length && bytes[pos] == close)
        {
            return pos + 1;
        }
        while (true)
        {
            if (keyed)
            {
                pos = valueStart(bytes, keyEnd(bytes, pos, length), length);
            }
            final int separator = separator(bytes, skipValue(bytes, pos, length, depth + 1), length, close);
            if (separator == FAIL)
            {
                return FAIL;
            }
            if (bytes[separator] == close)
            {
                return separator + 1;
            }
            pos = skipSpace(bytes, separator + 1, length);
        }
    }

    /** The closing quote of the key (a string) that opens at {@code pos}, or {@link #FAIL} if none does. */
    static int keyEnd(final byte[] bytes, final int pos, final int length)
    {
        if (pos < 0 || pos >= length || bytes[pos] != '"')
        {
            return FAIL;
        }
        return stringEnd(bytes, pos, length);
    }

    /** After a key that ends at {@code keyEnd}: where its value starts, past the colon, or {@link #FAIL}. */
    static int valueStart(final byte[] bytes, final int keyEnd, final int length)
    {
        if (keyEnd == FAIL)
        {
            return FAIL;
        }
        final int colon = skipSpace(bytes, keyEnd + 1, length);
        if (colon >= length || bytes[colon] != ':')
        {
            return FAIL;
        }
        return skipSpace(bytes, colon + 1, length);
    }

    /** After a value that ends at {@code valueEnd}: the index of the comma or the {@code close} that follows, or {@link #FAIL}. */
    static int separator(final byte[] bytes, final int valueEnd, final int length, final char close)
    {
        if (valueEnd == FAIL)
        {
            return FAIL;
        }
        final int at = skipSpace(bytes, valueEnd, length);
        return at < length && (bytes[at] == close || bytes[at] == ',') ? at : FAIL;
    }

    /** The index of the closing quote of the string opening at {@code pos}, or {@link #FAIL}. */
    static int stringEnd(final byte[] bytes, final int pos, final int length)
    {
        for (int i = pos + 1; i < length; i++)
        {
            final byte b = bytes[i];
            if (b == '"')
            {
                return i;
            }
            if (b == '\\')
            {
                i++;
            }
            else if (b >= 0 && b < 0x20)
            {
                return FAIL;
            }
        }
        return FAIL;
    }

    /** The end of a JSON number at {@code pos} (sign, digits, fraction, exponent), or {@link #FAIL}. */
    static int numberEnd(final byte[] bytes, final int pos, final int length)
    {
        int i = pos;
        if (i < length && bytes[i] == '-')
        {
            i++;
        }
        final int digitsStart = i;
        while (i < length && isDigit(bytes[i]))
        {
            i++;
        }
        if (i == digitsStart)
        {
            return FAIL;
        }
        while (i < length && (isDigit(bytes[i]) || bytes[i] == '.' || bytes[i] == 'e' || bytes[i] == 'E' ||
            bytes[i] == '+' || bytes[i] == '-'))
        {
            i++;
        }
        return i;
    }

    /** The end of {@code word} (true, false, null) if it stands at {@code pos}, or {@link #FAIL}. */
    static int literal(final byte[] bytes, final int pos, final int length, final byte[] word)
    {
        if (pos + word.length > length || !Arrays.equals(bytes, pos, pos + word.length, word, 0, word.length))
        {
            return FAIL;
        }
        return pos + word.length;
    }

    /** Whether {@code bytes[from, from + length)} is exactly {@code word}. */
    static boolean is(final byte[] bytes, final int from, final int length, final byte[] word)
    {
        return length == word.length && Arrays.equals(bytes, from, from + length, word, 0, length);
    }

    /** The first position from {@code from} that is not JSON white space. */
    static int skipSpace(final byte[] bytes, final int from, final int length)
    {
        int i = from;
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
        {
            i++;
        }
        return i;
    }

    static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }
}
