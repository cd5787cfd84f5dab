package dev.pulse.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import dev.pulse.catalog.compile.CompiledCatalog;
/**
 * Every catalog version that ever served, kept as its exact text in one directory (the data
 * directory's {@code catalogs/}), named by its version hash: {@code <16 hex digits>.yaml}. A copy
 * is written before its version serves, so every catalog hash the journal or a session record
 * carries can be read again, after any number of reloads and restarts. Copies are never changed
 * or removed: the name is the content's hash.
 *
 * <p>Writes are atomic and durable: a temporary file, forced, renamed into place, and the
 * directory forced. Thread-safe (the file system serialises the rename); blocks on disk, so not
 * for an event loop's steady state.
 */
public final class CatalogArchive
{
    /** The directory's name inside the data directory. */
    public static final String DIRECTORY = "catalogs";

    private final Path dir;

    public CatalogArchive(final Path dir)
    {
        this.dir = dir;
    }

    /** The file name of a version's copy: its hash as 16 hex digits, {@code .yaml}. */
    public static String fileName(final long versionHash)
    {
        return String.format("%016x.yaml", versionHash);
    }

    public Path dir()
    {
        return dir;
    }

    public Path path(final long versionHash)
    {
        return dir.resolve(fileName(versionHash));
    }

    /** Whether the version's copy is here. */
    public boolean has(final long versionHash)
    {
        return Files.isRegularFile(path(versionHash));
    }

    /**
     * Makes sure the catalog's text is kept, durably, before it serves: written if absent (or if a
     * file of that name does not hold exactly that text), otherwise left as it is.
     */
    public void keep(final CompiledCatalog catalog) throws IOException
    {
        final byte[] text = catalog.sourceText().getBytes(StandardCharsets.UTF_8);
        final Path target = path(catalog.versionHash());
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), text))
        {
            return;
        }
        Files.createDirectories(dir);
        final Path temporary = Files.createTempFile(dir, "." + catalog.versionHashHex() + "-", ".tmp");
        try
        {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))
            {
                final ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining())
                {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try
            {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally
        {
            Files.deleteIfExists(temporary);
        }
        forceDirectory();
    }

    /** The text of a version's copy, or null when there is none. */
    public String read(final long versionHash) throws IOException
    {
        try
        {
            return Files.readString(path(versionHash), StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
    }

    /** The rename is durable only once the directory's entry is on disk too (where the OS lets a directory be opened). */
    private void forceDirectory()
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // Some systems (Windows) cannot open a directory; the file itself was forced.
        }
    }
}
