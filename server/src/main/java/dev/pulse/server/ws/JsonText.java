package dev.pulse.server.ws;

import io.netty.buffer.ByteBuf;

/**
 * Writes JSON text into a {@link ByteBuf}: strings escaped and encoded to UTF-8 char by char,
 * numbers as ASCII digits, all without allocating.
 */
final class JsonText
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonText()
    {
    }

    /** Writes ASCII that needs no escaping (field names, fixed fragments). */
    static ByteBuf ascii(final ByteBuf out, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            out.writeByte(text.charAt(i));
        }
        return out;
    }

    /** Writes a quoted, escaped JSON string. */
    static ByteBuf string(final ByteBuf out, final CharSequence text)
    {
        out.writeByte('"');
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.writeByte('\\').writeByte(c);
            }
            else if (c < 0x20 || c == 0x2028 || c == 0x2029)
            {
                unicodeEscape(out, c);
            }
            else if (c < 0x80)
            {
                out.writeByte(c);
            }
            else if (c < 0x800)
            {
                out.writeByte(0xC0 | (c >> 6)).writeByte(0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.writeByte(0xF0 | (codePoint >> 18)).writeByte(0x80 | ((codePoint >> 12) & 0x3F))
                    .writeByte(0x80 | ((codePoint >> 6) & 0x3F)).writeByte(0x80 | (codePoint & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                unicodeEscape(out, 0xFFFD);
            }
            else
            {
                out.writeByte(0xE0 | (c >> 12)).writeByte(0x80 | ((c >> 6) & 0x3F)).writeByte(0x80 | (c & 0x3F));
            }
        }
        return out.writeByte('"');
    }

    /** Writes a decimal number. */
    static ByteBuf number(final ByteBuf out, final long value)
    {
        if (value < 0)
        {
            out.writeByte('-');
        }
        final int digits = Decimal.digits(value);
        for (int i = 0; i < digits; i++)
        {
            out.writeByte(Decimal.digit(value, i, digits));
        }
        return out;
    }

    /** Writes a decimal number as a JSON string ("42"): ids are strings on the wire. */
    static ByteBuf numberString(final ByteBuf out, final long value)
    {
        out.writeByte('"');
        number(out, value);
        return out.writeByte('"');
    }

    private static void unicodeEscape(final ByteBuf out, final int c)
    {
        out.writeByte('\\').writeByte('u')
            .writeByte(HEX[(c >> 12) & 0xF]).writeByte(HEX[(c >> 8) & 0xF]).writeByte(HEX[(c >> 4) & 0xF]).writeByte(HEX[c & 0xF]);
    }
}
