package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves a segment damaged mid-file out of the journal's way without losing a byte of it: a copy of
 * the whole file goes to {@code quarantine/segment-<index>.journal.corrupt-<UTC time>} with a
 * {@code .reason} file beside it, both forced; only then is the live segment cut to its valid
 * frames. Readers list segments in the journal directory only, so they never see the copy.
 * A crash part way leaves the damaged segment as it was, and the next start quarantines it again.
 */
final class SegmentQuarantine
{
    static final String DIRECTORY = "quarantine";
    private static final String MARK = ".corrupt-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SegmentQuarantine()
    {
    }

    /**
     * Copies segment {@code index} (open as {@code channel}) aside, then cuts it at {@code validEnd}.
     *
     * @return the copy.
     */
    static Path quarantine(final Path dir, final long index, final FileChannel channel, final long validEnd, final long nextValid,
        final String problem) throws IOException
    {
        final Path segment = SegmentFiles.path(dir, index);
        final Path quarantine = Files.createDirectories(dir.resolve(DIRECTORY));
        final long size = channel.size();
        final Path copy = freshCopyPath(quarantine, segment.getFileName() + MARK + TIME.format(Instant.now()));
        try
        {
            Files.copy(segment, copy);
            force(copy);
            final String reason = "segment: " + segment.toAbsolutePath() + "\n" +
                "problem: " + problem + " at offset " + validEnd + "\n" +
                "a valid frame follows at offset " + nextValid + ": damage in the middle, not a torn write\n" +
                "kept here: all " + size + " bytes of the segment as found\n" +
                "live journal: the segment was cut to its first " + validEnd + " bytes (its valid frames); writing went on in segment " +
                (index + 1) + "\n" +
                "lost from reports: the records in bytes " + validEnd + " to " + size + " of this copy\n";
            Files.writeString(reasonFile(copy), reason, StandardCharsets.UTF_8);
            force(reasonFile(copy));
            forceDirectory(quarantine);
        }
        catch (final IOException ex)
        {
            throw new IOException("journal segment " + segment + " is damaged at offset " + validEnd + " (" + problem +
                ") with valid records after it, and a copy could not be kept in " + quarantine + " (" + ex + "). " +
                "Nothing was changed: free space (or fix permissions) there and start again.", ex);
        }
        channel.truncate(validEnd);
        channel.force(true);
        return copy;
    }

    /** Segments quarantined in {@code dir} so far (by this start or earlier ones): 0 until an operator clears them. */
    static int count(final Path dir) throws IOException
    {
        final Path quarantine = dir.resolve(DIRECTORY);
        if (!Files.isDirectory(quarantine))
        {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(quarantine, "segment-*.journal" + MARK + "*"))
        {
            for (final Path copy : copies)
            {
                if (!copy.getFileName().toString().endsWith(".reason"))
                {
                    count++;
                }
            }
        }
        return count;
    }

    static Path reasonFile(final Path copy)
    {
        return copy.resolveSibling(copy.getFileName() + ".reason");
    }

    private static Path freshCopyPath(final Path quarantine, final String name)
    {
        Path candidate = quarantine.resolve(name);
        for (int n = 2; Files.exists(candidate); n++)
        {
            candidate = quarantine.resolve(name + "-" + n);
        }
        return candidate;
    }

    private static void force(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private static void forceDirectory(final Path directory)
    {
        // Best effort: some platforms cannot open a directory as a channel; the files themselves are forced.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            // The copies' names may lag their data after a power cut; the damaged segment is still whole then.
        }
    }
}
