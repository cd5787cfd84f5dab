package dev.pulse.server.auth;

import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A site's secret for signing session tokens: at least 32 bytes, written as hex (only hex digits)
 * or base64 (standard or URL-safe alphabet, padding optional). The bytes never leave this class
 * except into a {@link Mac}, and {@link #toString()} does not show them, so a config printed or
 * logged by mistake does not carry the key.
 */
public final class SigningKey
{
    /** HMAC-SHA256 keys shorter than its output weaken it; operators make them with {@code openssl rand -hex 32}. */
    public static final int MIN_BYTES = 32;
    /** How a key is written, for error messages; never the key itself. */
    public static final String EXPECTED = "hex or base64 of at least " + MIN_BYTES + " random bytes (openssl rand -hex 32)";
    static final String ALGORITHM = "HmacSHA256";

    private final byte[] bytes;

    private SigningKey(final byte[] bytes)
    {
        this.bytes = bytes;
    }

    /**
     * Reads a key as written in a setting or a key file; surrounding white space is ignored.
     *
     * @return null if the text is neither hex nor base64, or holds fewer than {@link #MIN_BYTES} bytes.
     */
    public static SigningKey parseOrNull(final String text)
    {
        final String stripped = text.strip();
        final byte[] decoded = isHex(stripped) ? hex(stripped) : base64(stripped);
        return decoded == null || decoded.length < MIN_BYTES ? null : new SigningKey(decoded);
    }

    /** A new HMAC-SHA256 instance keyed with this key (not thread-safe: one per user). */
    public Mac newMac()
    {
        try
        {
            final Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(bytes, ALGORITHM));
            return mac;
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, ex);
        }
    }

    private static boolean isHex(final String text)
    {
        if (text.isEmpty() || text.length() % 2 != 0)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (Character.digit(text.charAt(i), 16) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(final String text)
    {
        final byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = (byte)(Character.digit(text.charAt(2 * i), 16) << 4 | Character.digit(text.charAt(2 * i + 1), 16));
        }
        return out;
    }

    private static byte[] base64(final String text)
    {
        try
        {
            // One decoder for both alphabets; the basic decoder takes padding or none.
            return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof SigningKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString()
    {
        return "SigningKey[redacted]";
    }
}
