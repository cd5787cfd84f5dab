package dev.pulse.server.auth;

/**
 * Unpadded base64url (RFC 4648 section 5) between bytes and ASCII, in the caller's arrays: the
 * session token's MAC and the cluster's carry are spelled in it. Decoding is strict: a character
 * outside the alphabet, a length no encoding has, or a last character carrying bits past the bytes
 * is refused, so every byte string has exactly one spelling (a changed character is never read as
 * the same bytes). Stateless and allocation-free.
 */
public final class Base64Url
{
    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Base64Url()
    {
    }

    /** The characters {@code bytes} bytes take. */
    public static int encodedLength(final int bytes)
    {
        return (bytes * 8 + 5) / 6;
    }

    /**
     * Writes {@code length} bytes of {@code in} from {@code inOffset} as ASCII into {@code out} from {@code outOffset}.
     *
     * @return the characters written ({@link #encodedLength}).
     */
    public static int encode(final byte[] in, final int inOffset, final int length, final byte[] out, final int outOffset)
    {
        int bits = 0;
        int bitCount = 0;
        int written = 0;
        for (int i = 0; i < length; i++)
        {
            bits = bits << 8 | in[inOffset + i] & 0xFF;
            bitCount += 8;
            while (bitCount >= 6)
            {
                bitCount -= 6;
                out[outOffset + written++] = ALPHABET[bits >> bitCount & 63];
            }
            bits &= (1 << bitCount) - 1;
        }
        if (bitCount > 0)
        {
            out[outOffset + written++] = ALPHABET[bits << 6 - bitCount & 63];
        }
        return written;
    }

    /**
     * Decodes {@code chars} characters of {@code text} from {@code start} into {@code out} from 0.
     *
     * @return the bytes decoded, or -1 if the text is not the one spelling of some bytes, or they would not fit.
     */
    public static int decode(final CharSequence text, final int start, final int chars, final byte[] out)
    {
        if (chars % 4 == 1 || chars * 6 / 8 > out.length)
        {
            return -1;
        }
        int bits = 0;
        int bitCount = 0;
        int written = 0;
        for (int i = 0; i < chars; i++)
        {
            final int value = value(text.charAt(start + i));
            if (value < 0)
            {
                return -1;
            }
            bits = bits << 6 | value;
            bitCount += 6;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                out[written++] = (byte)(bits >> bitCount);
                bits &= (1 << bitCount) - 1;
            }
        }
        return bits == 0 ? written : -1;
    }

    private static int value(final char c)
    {
        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9')
        {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
