package dev.pulse.server.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The files of a session map resize: the sessions are copied into {@code sessions.dat.resizing}
 * beside the map, and only a complete copy, forced to disk, is moved over it in one atomic rename.
 * A stop part way leaves the old map as it was, and the half-written copy, which the next start
 * deletes before it opens the map.
 */
final class SessionMapResize
{
    private SessionMapResize()
    {
    }

    /** Where the copy of {@code file} is written. */
    static Path copyOf(final Path file)
    {
        return file.resolveSibling(file.getFileName() + ".resizing");
    }

    /** Deletes a copy an earlier resize left unfinished, if any. */
    static void deleteLeftover(final Path copy) throws SessionStoreException
    {
        try
        {
            Files.deleteIfExists(copy);
        }
        catch (final IOException ex)
        {
            throw new SessionStoreException("the unfinished copy " + copy.toAbsolutePath() + " cannot be deleted (" + ex + ")", ex);
        }
    }

    /** Forces the complete copy to disk, then renames it over {@code file} at once: a reader sees the old map or the new. */
    static void replace(final Path file, final Path copy) throws IOException
    {
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
        Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Why a resize failed, and what the operator can do; the map is unchanged. */
    static SessionStoreException failed(final Path file, final long room, final int expectedSessions, final Exception cause)
    {
        return new SessionStoreException("the session map " + file.toAbsolutePath() + " (room for " + room + " sessions) could " +
            "not be copied into one sized for expected_sessions " + expectedSessions + " (" + cause.getMessage() + "); it is " +
            "unchanged. Free disk space (the copy is about as large again), or start with expected_sessions at most " + room +
            " to keep the map as it is", cause);
    }
}
