package dev.pulse.server.carry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.pulse.server.auth.SigningKey;

/**
 * Seals a carry's payload so the page that keeps it can read nothing of it but its length:
 * AES-256-GCM from the JDK, the version ({@code c2}) as associated data, laid out as
 *
 * <pre>
 *  +----------------+-----------------------------------+---------------+
 *  |  nonce (12)    |  ciphertext (the payload's length) |   tag (16)    |
 *  +----------------+-----------------------------------+---------------+
 * </pre>
 *
 * <p>The key is HMAC-SHA256 of the cluster key over {@link #KEY_LABEL}: every node derives the
 * same one, and it is not the key {@code c1}'s MAC is made with. The cluster key is read once at
 * start (changing it takes a restart), so each loop's cipher derives it once, when it is made.
 *
 * <p>Nonces: a random 96-bit start per cipher (one per event loop, drawn from {@link SecureRandom}
 * when it is made), whose low 64 bits count up by one a seal. A nonce must never repeat under one
 * key, and every loop of every node, across restarts, seals under the same key: a counter alone
 * would repeat from 0 at each start, and 96 random bits per seal would pay SecureRandom on every
 * seal and bound a key's life to about 2^32 seals (NIST SP 800-38D). With random starts two loops
 * collide only if their ranges overlap: for k loops over the key's life, each sealing n carries,
 * about k² n / 2^96, nothing at any count of loops and carries a cluster makes. The
 * counter wraps within its 64 bits after 2^64 seals, which no loop reaches.
 *
 * <p>{@link #open} answers -1 for anything GCM refuses (a changed byte, a cut, another cluster's
 * key) and never throws. One {@link Cipher}, initialised again for each seal and open; the JDK's
 * GCM allocates its parameters and, to open, a buffer for the ciphertext until the tag is checked.
 * Not thread-safe: one per codec.
 */
final class CarryCipher
{
    /** What the encryption key is derived over: separate from the MAC key, which is the cluster key itself. */
    static final String KEY_LABEL = "pulse carry c2 enc";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    /** What sealing adds to the payload: the nonce and the tag (28 bytes). */
    static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] associated;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private long counter;

    CarryCipher(final SigningKey clusterKey, final String version, final SecureRandom random)
    {
        final Mac derive = clusterKey.newMac();
        this.key = new SecretKeySpec(derive.doFinal(KEY_LABEL.getBytes(StandardCharsets.US_ASCII)), "AES");
        this.associated = version.getBytes(StandardCharsets.US_ASCII);
        random.nextBytes(nonce);
        this.counter = getLong(nonce, 4);
        try
        {
            this.cipher = Cipher.getInstance(TRANSFORMATION);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("every Java platform has " + TRANSFORMATION, ex);
        }
    }

    /**
     * Seals the first {@code length} bytes of {@code plain} into {@code out} from 0, which must have
     * {@code length + }{@link #OVERHEAD} bytes.
     *
     * @return the bytes written: {@code length + }{@link #OVERHEAD}.
     */
    int seal(final byte[] plain, final int length, final byte[] out)
    {
        putLong(nonce, 4, ++counter);
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        try
        {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            return NONCE_BYTES + cipher.doFinal(plain, 0, length, out, NONCE_BYTES);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES-GCM seals any payload into a buffer of its length and the overhead", ex);
        }
    }

    /**
     * Opens the first {@code length} bytes of {@code sealed} into {@code plain} from 0, which must
     * have {@code length - }{@link #OVERHEAD} bytes.
     *
     * @return the payload's length, or -1 if GCM refused it (then nothing in {@code plain} may be read).
     */
    int open(final byte[] sealed, final int length, final byte[] plain)
    {
        if (length < OVERHEAD)
        {
            return -1;
        }
        try
        {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, NONCE_BYTES, length - NONCE_BYTES, plain, 0);
        }
        catch (final GeneralSecurityException | IllegalStateException ex)
        {
            // AEADBadTagException above all: changed, cut, or another cluster's. Never the loop's problem.
            return -1;
        }
    }

    private static long getLong(final byte[] bytes, final int offset)
    {
        long value = 0;
        for (int i = 0; i < 8; i++)
        {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static void putLong(final byte[] bytes, final int offset, final long value)
    {
        for (int i = 0; i < 8; i++)
        {
            bytes[offset + i] = (byte)(value >>> (56 - 8 * i));
        }
    }
}
