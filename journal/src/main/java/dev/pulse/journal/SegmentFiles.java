package dev.pulse.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Names of segment files, {@code segment-<20-digit index>.journal}, and listing them in order. */
final class SegmentFiles
{
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".journal";
    private static final int INDEX_DIGITS = 20;
    static final String COMPACTING_SUFFIX = ".compacting";

    private SegmentFiles()
    {
    }

    static Path path(final Path dir, final long index)
    {
        // Not String.format: a tail at the journal's end looks for the next segment's name many times a second.
        final String digits = Long.toString(index);
        return dir.resolve(PREFIX + "0".repeat(Math.max(0, INDEX_DIGITS - digits.length())) + digits + SUFFIX);
    }

    /**
     * Where segment {@code index} is rewritten before it replaces the segment: its name plus
     * {@value #COMPACTING_SUFFIX}, which {@link #list} never matches, so no reader takes it for a segment.
     */
    static Path compactingPath(final Path dir, final long index)
    {
        final Path segment = path(dir, index);
        return segment.resolveSibling(segment.getFileName() + COMPACTING_SUFFIX);
    }

    /**
     * Deletes every rewrite a crash interrupted ({@link #compactingPath}): the segment it was to
     * replace is still whole (the rename that replaces it is atomic and comes after the rewrite is
     * forced), so nothing is lost, and the next compaction pass does the rewrite again. Returns how
     * many were deleted.
     */
    static int removeInterruptedCompactions(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX + COMPACTING_SUFFIX))
        {
            for (final Path file : stream)
            {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Forces the directory's entries (a new, renamed or deleted file) to the disk, so a name change
     * survives a power cut with the data. Best effort: some platforms cannot open a directory as a channel.
     */
    static void forceDirectory(final Path dir)
    {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ))
        {
            directory.force(true);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            // The files' data is still forced; only their directory entries may lag.
        }
    }

    /** Indexes of the segments in {@code dir}, ascending; empty if there are none (or no dir). */
    static long[] list(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return new long[0];
        }
        long[] indexes = new long[16];
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX))
        {
            for (final Path file : stream)
            {
                final long index = indexOf(file.getFileName().toString());
                if (index >= 0)
                {
                    if (count == indexes.length)
                    {
                        indexes = Arrays.copyOf(indexes, count * 2);
                    }
                    indexes[count++] = index;
                }
            }
        }
        final long[] sorted = Arrays.copyOf(indexes, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The index in a segment file name, or -1 if the name is not one. */
    static long indexOf(final String fileName)
    {
        if (fileName.length() != PREFIX.length() + INDEX_DIGITS + SUFFIX.length() || !fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX))
        {
            return -1;
        }
        final String digits = fileName.substring(PREFIX.length(), PREFIX.length() + INDEX_DIGITS);
        for (int i = 0; i < digits.length(); i++)
        {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9')
            {
                return -1;
            }
        }
        try
        {
            return Long.parseLong(digits);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
