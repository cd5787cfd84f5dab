package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
        final Path temporary = dir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
        {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(temporary, key, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try
        {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, file);
        }
        LOG.info("created the search-text hash key {}", file);
    }
}
