package dev.pulse.server.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.MapSegmentContext;

/**
 * Copies every session of a live session map into a new map file, a segment at a time under that
 * segment's update lock: a session is copied whole, between two of its events (an event holds its
 * segment's write lock from start to end), and the writers of other segments never wait. Used to
 * grow a map ({@code expected_sessions} rose) and for a backup taken while the server serves.
 */
final class SessionMapCopy
{
    private static final Logger LOG = LoggerFactory.getLogger(SessionMapCopy.class);

    private SessionMapCopy()
    {
    }

    /**
     * Copies every session of {@code old} (its file has room for {@code room}) into a new map sized for
     * {@code expectedSessions}, written beside it and moved over it once complete and forced: a stop part way leaves the
     * old file as it was (and the half-written copy is deleted at the next start).
     */
    static ChronicleMap<SessionKey, byte[]> grow(final Path file, final ChronicleMap<SessionKey, byte[]> old, final long room,
        final int expectedSessions) throws IOException
    {
        final Path resizing = SessionMapResize.copyOf(file);
        final long sessions = old.longSize();
        LOG.warn("expected_sessions is {} but the session map {} has room for {}: copying its {} sessions into a map sized for {}",
            expectedSessions, file, room, sessions, expectedSessions);
        try
        {
            final long copied = copy(old, resizing, expectedSessions, () -> false);
            if (copied != sessions)
            {
                throw new IOException("the copy holds " + copied + " sessions, not " + sessions);
            }
            old.close();
            SessionMapResize.replace(file, resizing);
        }
        catch (final IOException | RuntimeException ex)
        {
            old.close();
            SessionMapResize.deleteLeftover(resizing);
            throw SessionMapResize.failed(file, room, expectedSessions, ex);
        }
        LOG.warn("the session map {} now has room for {} sessions; all {} sessions were kept", file, expectedSessions, sessions);
        return ChronicleSessionStore.builder(expectedSessions).createPersistedTo(file.toFile());
    }

    /**
     * Copies {@code from} into a new map at {@code file} built for {@code entries}, closes and forces
     * it; {@code cancelled} is asked before each segment.
     *
     * @return how many sessions the copy holds.
     * @throws SessionStoreException if it cannot be written, or was cancelled; {@code file} may then be left part-written.
     */
    static long copy(final ChronicleMap<SessionKey, byte[]> from, final Path file, final int entries, final BooleanSupplier cancelled)
        throws SessionStoreException
    {
        final long copied;
        try (ChronicleMap<SessionKey, byte[]> copy = ChronicleSessionStore.builder(entries).createPersistedTo(file.toFile()))
        {
            for (int segment = 0; segment < from.segments(); segment++)
            {
                if (cancelled.getAsBoolean())
                {
                    throw new SessionStoreException("the copy of the session map was cancelled: the server is stopping");
                }
                try (MapSegmentContext<SessionKey, byte[], ?> context = from.segmentContext(segment))
                {
                    context.forEachSegmentEntry(entry -> copy.put(entry.key().get(), entry.value().get()));
                }
            }
            copied = copy.longSize();
        }
        catch (final SessionStoreException ex)
        {
            throw ex;
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new SessionStoreException("the session map could not be copied to " + file.toAbsolutePath() + " (" + ex.getMessage() + ")", ex);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new SessionStoreException("the copy of the session map " + file.toAbsolutePath() + " could not be forced (" + ex + ")", ex);
        }
        return copied;
    }
}
