package dev.pulse.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a small file's whole content so that a crash or a power cut leaves either the old
 * content or the new, never a mix or an empty file: the bytes go to a temporary sibling
 * ({@code <name>.tmp}), which is forced to disk, renamed over the file, and the directory is
 * forced so the rename itself survives. For the files that name what the journal and its readers
 * stand on: a reader's position, the node's id, the search-text key.
 */
public final class DurableFile
{
    private DurableFile()
    {
    }

    /** Makes {@code bytes} the content of {@code file}; with {@code ownerOnly}, readable by the owner alone where the file system has permissions. */
    public static void write(final Path file, final byte[] bytes, final boolean ownerOnly) throws IOException
    {
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix"))
        {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            final ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try
        {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING); // a file system without atomic renames
        }
        SegmentFiles.forceDirectory(file.toAbsolutePath().getParent());
    }
}
