package dev.pulse.journal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns a search query into {@code len=<chars>;hmac=<16 hex>}: its length in UTF-16 chars and the
 * first 64 bits of HMAC-SHA256 (RFC 2104) over its UTF-8 bytes, keyed with the journal's secret
 * key. The product team can count and match queries ("how many searched X?") by hashing candidates
 * with the same key, without the journal keeping what people typed.
 *
 * <p>HMAC is computed by hand over one reused {@link MessageDigest} with precomputed inner and outer
 * key pads, rather than with {@code javax.crypto.Mac}: {@code Mac.doFinal(byte[], int)} allocates its
 * result internally on every call, {@code MessageDigest.digest(byte[], int, int)} does not. So a
 * hashed query costs no allocation, except once when a query is longer than any before (the
 * scratch array grows). The unit test checks the output against {@code javax.crypto.Mac}.
 *
 * <p>Not thread-safe: one per {@link JournalProxy}. The returned text is reused by the next call.
 */
final class SearchTextHasher
{
    private static final int BLOCK_LENGTH = 64;
    private static final int DIGEST_LENGTH = 32;
    private static final int HASH_BYTES_SHOWN = 8;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;
    private final byte[] innerPad = new byte[BLOCK_LENGTH];
    private final byte[] outerPad = new byte[BLOCK_LENGTH];
    private final byte[] digest = new byte[DIGEST_LENGTH];
    private final UnsafeBuffer scratchBuffer = new UnsafeBuffer(new byte[2048]);
    private final StringBuilder text = new StringBuilder(64);

    SearchTextHasher(final byte[] key)
    {
        if (key.length > BLOCK_LENGTH)
        {
            throw new IllegalArgumentException("HMAC keys longer than a block are not supported: " + key.length);
        }
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
        for (int i = 0; i < BLOCK_LENGTH; i++)
        {
            final byte keyByte = i < key.length ? key[i] : 0;
            innerPad[i] = (byte)(keyByte ^ 0x36);
            outerPad[i] = (byte)(keyByte ^ 0x5c);
        }
    }

    /** The private form of {@code query}; valid until the next call. */
    CharSequence hide(final CharSequence query)
    {
        final int length = Utf8.encodedLength(query, Integer.MAX_VALUE);
        if (length > scratchBuffer.capacity())
        {
            scratchBuffer.wrap(new byte[Integer.highestOneBit(length) << 1]);
        }
        Utf8.encode(query, scratchBuffer, 0, length);
        try
        {
            sha256.update(innerPad);
            sha256.update(scratchBuffer.byteArray(), 0, length);
            sha256.digest(digest, 0, DIGEST_LENGTH);
            sha256.update(outerPad);
            sha256.update(digest, 0, DIGEST_LENGTH);
            sha256.digest(digest, 0, DIGEST_LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("digest buffer too small", ex);
        }
        text.setLength(0);
        text.append("len=").append(query.length()).append(";hmac=");
        for (int i = 0; i < HASH_BYTES_SHOWN; i++)
        {
            text.append(HEX[(digest[i] >>> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        return text;
    }
}
