package dev.pulse.journal;

import java.util.Objects;

/**
 * Settings of the journal.
 *
 * @param fsyncPolicy       when segment writes are forced to the disk.
 * @param fsyncIntervalMs   the longest time between forces under {@link FsyncPolicy#INTERVAL}.
 * @param segmentBytes      a segment rolls to the next file when the next frame would pass this size.
 * @param bufferBytes       ring buffer capacity, a power of two of at least 4096; a record longer than an
 *                          eighth of it (Agrona's limit) is dropped, so keep it well above 8 x 17 KiB.
 * @param searchTextInClear whether SIGNAL records keep the search query in clear, or only its length
 *                          and a keyed hash.
 * @param searchHashKey     the 32-byte HMAC key for search text, or null to load (or create) the key file
 *                          {@code <dir>/search-hash.key}.
 */
public record JournalConfiguration(
    FsyncPolicy fsyncPolicy,
    long fsyncIntervalMs,
    long segmentBytes,
    int bufferBytes,
    boolean searchTextInClear,
    byte[] searchHashKey)
{
    public static final int SEARCH_HASH_KEY_LENGTH = 32;
    public static final int MIN_BUFFER_BYTES = 4096;

    public JournalConfiguration
    {
        Objects.requireNonNull(fsyncPolicy, "fsyncPolicy");
        if (fsyncPolicy == FsyncPolicy.INTERVAL && fsyncIntervalMs <= 0)
        {
            throw new IllegalArgumentException("fsyncIntervalMs must be positive under INTERVAL: " + fsyncIntervalMs);
        }
        if (segmentBytes <= 0)
        {
            throw new IllegalArgumentException("segmentBytes must be positive: " + segmentBytes);
        }
        if (bufferBytes < MIN_BUFFER_BYTES || Integer.bitCount(bufferBytes) != 1)
        {
            throw new IllegalArgumentException("bufferBytes must be a power of two >= " + MIN_BUFFER_BYTES + ": " + bufferBytes);
        }
        if (searchHashKey != null && searchHashKey.length != SEARCH_HASH_KEY_LENGTH)
        {
            throw new IllegalArgumentException("searchHashKey must be " + SEARCH_HASH_KEY_LENGTH + " bytes: " + searchHashKey.length);
        }
    }

    /** Production defaults: fsync every second, 64 MiB segments, a 4 MiB ring, hashed search text. */
    public static JournalConfiguration defaults()
    {
        return new JournalConfiguration(FsyncPolicy.INTERVAL, 1000, 64L << 20, 4 << 20, false, null);
    }
}
