package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key of search-text hashes, kept in {@code <dir>/search-hash.key}: created once with 32
 * random bytes (owner-only permissions where the file system has them), then reused, so hashes stay
 * comparable across restarts. Written to a temporary file and moved into place, so a crash never
 * leaves a short key behind.
 */
final class SearchHashKey
{
    static final String FILE_NAME = "search-hash.key";
    private static final Logger LOG = LoggerFactory.getLogger(SearchHashKey.class);

    private SearchHashKey()
    {
    }

    static byte[] loadOrCreate(final Path dir) throws IOException
    {
        final Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            create(dir, file);
        }
        final byte[] key = Files.readAllBytes(file);
        if (key.length != JournalConfiguration.SEARCH_HASH_KEY_LENGTH)
        {
            throw new IOException(file + " holds " + key.length + " bytes, expected " + JournalConfiguration.SEARCH_HASH_KEY_LENGTH);
        }
        return key;
    }

    private static void create(final Path dir, final Path file) throws IOException
    {
        final byte[] key = new byte[JournalConfiguration.SEARCH_HASH_KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        DurableFile.write(file, key, true);
        LOG.info("created the search-text hash key {}", file);
    }
}
