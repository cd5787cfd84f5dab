package dev.pulse.journal;

import org.agrona.MutableDirectBuffer;

/**
 * UTF-8 encoding of a {@link CharSequence} straight into a buffer, without the String or byte[] that
 * {@code String.getBytes} would allocate. Output is capped at a byte budget and cut on a code point
 * boundary; a lone surrogate becomes {@code '?'}, as {@code String.getBytes(UTF_8)} does.
 * {@link #encodedLength} and {@link #encode} walk the text the same way, so a length computed first
 * is exactly what the encode writes.
 */
final class Utf8
{
    private static final byte REPLACEMENT = '?';

    private Utf8()
    {
    }

    /** Bytes {@link #encode} writes for {@code text} within {@code maxBytes}. */
    static int encodedLength(final CharSequence text, final int maxBytes)
    {
        int bytes = 0;
        for (int i = 0, length = text.length(); i < length; )
        {
            final char c = text.charAt(i);
            final int charBytes;
            int chars = 1;
            if (c < 0x80)
            {
                charBytes = 1;
            }
            else if (c < 0x800)
            {
                charBytes = 2;
            }
            else if (isSurrogatePair(text, i, length))
            {
                charBytes = 4;
                chars = 2;
            }
            else
            {
                charBytes = Character.isSurrogate(c) ? 1 : 3;
            }
            if (charBytes > maxBytes - bytes)
            {
                break;
            }
            bytes += charBytes;
            i += chars;
        }
        return bytes;
    }

    /** Writes at most {@code maxBytes} of {@code text} at {@code offset}; returns the bytes written. */
    static int encode(final CharSequence text, final MutableDirectBuffer buffer, final int offset, final int maxBytes)
    {
        int position = offset;
        int room = maxBytes;
        for (int i = 0, length = text.length(); i < length; )
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                if (room < 1)
                {
                    break;
                }
                buffer.putByte(position++, (byte)c);
                room -= 1;
                i++;
            }
            else if (c < 0x800)
            {
                if (room < 2)
                {
                    break;
                }
                buffer.putByte(position++, (byte)(0xC0 | (c >>> 6)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                room -= 2;
                i++;
            }
            else if (isSurrogatePair(text, i, length))
            {
                if (room < 4)
                {
                    break;
                }
                final int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                buffer.putByte(position++, (byte)(0xF0 | (codePoint >>> 18)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >>> 12) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >>> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (codePoint & 0x3F)));
                room -= 4;
                i += 2;
            }
            else if (Character.isSurrogate(c))
            {
                if (room < 1)
                {
                    break;
                }
                buffer.putByte(position++, REPLACEMENT);
                room -= 1;
                i++;
            }
            else
            {
                if (room < 3)
                {
                    break;
                }
                buffer.putByte(position++, (byte)(0xE0 | (c >>> 12)));
                buffer.putByte(position++, (byte)(0x80 | ((c >>> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                room -= 3;
                i++;
            }
        }
        return position - offset;
    }

    private static boolean isSurrogatePair(final CharSequence text, final int index, final int length)
    {
        return Character.isHighSurrogate(text.charAt(index)) && index + 1 < length && Character.isLowSurrogate(text.charAt(index + 1));
    }
}
