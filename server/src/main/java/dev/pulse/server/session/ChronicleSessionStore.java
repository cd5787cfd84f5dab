package dev.pulse.server.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.detect.SessionStateFlyweight;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapAbsentEntry;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.MapSegmentContext;

/**
 * Sessions in an off-heap Chronicle Map persisted to one file: the only class that knows Chronicle.
 * Values are fixed-size {@link SessionRecord}s read and written in place through Agrona buffers
 * pointed at the entry's memory, under the entry's segment lock.
 *
 * <p>Chronicle's lessons, learned the hard way:
 * <ul>
 *   <li>per-entry checksums are off: in-place writes do not update them, and recovery would then
 *       silently drop every touched entry;</li>
 *   <li>a process killed while holding a segment lock leaves it held in the file; the server opens
 *       with {@code recoverPersistedTo} after an unclean stop (never while another process has the
 *       file: the data directory's lock guarantees that) and {@code createPersistedTo} otherwise;</li>
 *   <li>the map grows past its configured size into overflow tiers and then fails; this store
 *       refuses new sessions at its capacity instead, cleanly.</li>
 * </ul>
 * State is soft: a crash may lose the last updates of a session (the map is not fsynced); the
 * journal is the record.
 */
public final class ChronicleSessionStore implements SessionStore
{
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleSessionStore.class);

    private final ChronicleMap<SessionKey, byte[]> map;
    private final long capacity;
    private final AtomicLong sessions;

    private ChronicleSessionStore(final ChronicleMap<SessionKey, byte[]> map, final long capacity)
    {
        this.map = map;
        this.capacity = capacity;
        this.sessions = new AtomicLong(map.longSize());
    }

    /**
     * Opens (creating if absent) the session map file.
     *
     * @param expectedSessions the capacity; the file is sized for it (about 1.5 KiB each).
     * @param recover          true after an unclean stop: clears locks left by a dead process.
     * @throws SessionMapCorruptException if the file exists but is not a whole map; it is left as it was.
     * @throws SessionStoreException      if it cannot be opened for another reason (permissions, space).
     */
    public static ChronicleSessionStore open(final Path file, final int expectedSessions, final boolean recover)
        throws SessionStoreException
    {
        final boolean exists = file.toFile().exists();
        SessionMapFile.check(file, recover);
        final ChronicleMapBuilder<SessionKey, byte[]> builder = builder(expectedSessions);
        try
        {
            final ChronicleMap<SessionKey, byte[]> map;
            if (recover && exists)
            {
                // Recovery "repairs" a file cut short into a partial map, and grows it: open it plainly first, which checks
                // its header and length without writing, so a damaged file is reported and left as it was.
                builder.createPersistedTo(file.toFile()).close();
                LOG.warn("the last stop was not clean: recovering the session map {} (clears locks left by a dead process)", file);
                map = builder.recoverPersistedTo(file.toFile(), true,
                    corruption -> LOG.error("session map recovery: {}", corruption.message(), corruption.exception()));
            }
            else
            {
                map = builder.createPersistedTo(file.toFile());
            }
            return new ChronicleSessionStore(map, expectedSessions);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (exists)
            {
                throw new SessionMapCorruptException(file, "Chronicle Map cannot open it (" + ex.getMessage() + ")", ex);
            }
            throw new SessionStoreException("the session map " + file.toAbsolutePath() + " cannot be created (" + ex.getMessage() + ")", ex);
        }
    }

    private static ChronicleMapBuilder<SessionKey, byte[]> builder(final int expectedSessions)
    {
        final int entries = Math.max(1_024, expectedSessions);
        return ChronicleMapBuilder.of(SessionKey.class, byte[].class)
            .name("pulse-sessions")
            .keyMarshallers(SessionKeyMarshaller.INSTANCE, SessionKeyMarshaller.INSTANCE)
            .constantKeySizeBySample(new SessionKey())
            .constantValueSizeBySample(new byte[SessionRecord.LENGTH])
            .checksumEntries(false)
            .entryAndValueOffsetAlignment(8)
            .actualSegments(segmentsFor(entries))
            .entries(entries);
    }

    /** About 512 sessions a segment: a segment lock (and a sweep step) then covers few sessions. */
    private static int segmentsFor(final int entries)
    {
        int segments = 64;
        while (segments < 8_192 && entries / segments > 512)
        {
            segments <<= 1;
        }
        return segments;
    }

    @Override
    public SessionAccess newAccess()
    {
        return new Access();
    }

    @Override
    public long size()
    {
        return sessions.get();
    }

    @Override
    public long capacity()
    {
        return capacity;
    }

    @Override
    public int segments()
    {
        return map.segments();
    }

    @Override
    public int sweep(final int segment, final SessionVisitor visitor)
    {
        final Sweep sweep = new Sweep(visitor);
        try (MapSegmentContext<SessionKey, byte[], ?> context = map.segmentContext(segment))
        {
            context.forEachSegmentEntry(sweep);
        }
        sessions.addAndGet(-sweep.removed);
        return sweep.removed;
    }

    @Override
    public void close()
    {
        map.close();
    }

    /** Visits a segment's entries for {@link #sweep}. */
    private static final class Sweep implements java.util.function.Consumer<MapEntry<SessionKey, byte[]>>
    {
        private final SessionVisitor visitor;
        private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        private final SessionStateFlyweight state = new SessionStateFlyweight();
        private final ServerSessionFlyweight server = new ServerSessionFlyweight();
        private int removed;

        Sweep(final SessionVisitor visitor)
        {
            this.visitor = visitor;
        }

        @Override
        public void accept(final MapEntry<SessionKey, byte[]> entry)
        {
            final Data<byte[]> value = entry.value();
            buffer.wrap(value.bytes().addressForWrite(value.offset()), (int)value.size());
            state.wrap(buffer, SessionRecord.CORE_OFFSET);
            server.wrap(buffer, SessionRecord.SERVER_OFFSET);
            if (visitor.visit(state, server))
            {
                entry.doRemove();
                removed++;
            }
        }
    }

    /** One thread's accessor: a reused key, buffer and flyweights, and the open query context. */
    private final class Access implements SessionAccess
    {
        private final SessionKey key = new SessionKey();
        private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
        private final SessionStateFlyweight state = new SessionStateFlyweight();
        private final ServerSessionFlyweight server = new ServerSessionFlyweight();
        private ExternalMapQueryContext<SessionKey, byte[], ?> context;

        @Override
        public boolean open(final long sidHi, final long sidLo)
        {
            close();
            final ExternalMapQueryContext<SessionKey, byte[], ?> query = map.queryContext(key.set(sidHi, sidLo));
            query.writeLock().lock();
            final MapEntry<SessionKey, byte[]> entry = query.entry();
            if (entry == null)
            {
                query.close();
                return false;
            }
            context = query;
            point(entry.value());
            return true;
        }

        @Override
        public boolean create(final long sidHi, final long sidLo)
        {
            close();
            if (sessions.get() >= capacity)
            {
                return false;
            }
            final ExternalMapQueryContext<SessionKey, byte[], ?> query = map.queryContext(key.set(sidHi, sidLo));
            query.writeLock().lock();
            if (query.entry() != null)
            {
                query.close();
                return false;
            }
            final MapAbsentEntry<SessionKey, byte[]> absent = query.absentEntry();
            try
            {
                absent.doInsert(absent.defaultValue());
            }
            catch (final IllegalStateException full)
            {
                query.close();
                LOG.warn("the session map has no room for another session: {}", full.getMessage());
                return false;
            }
            sessions.incrementAndGet();
            context = query;
            point(query.entry().value());
            return true;
        }

        private void point(final Data<byte[]> value)
        {
            buffer.wrap(value.bytes().addressForWrite(value.offset()), (int)value.size());
            state.wrap(buffer, SessionRecord.CORE_OFFSET);
            server.wrap(buffer, SessionRecord.SERVER_OFFSET);
        }

        @Override
        public SessionStateFlyweight state()
        {
            return state;
        }

        @Override
        public ServerSessionFlyweight server()
        {
            return server;
        }

        @Override
        public void remove()
        {
            if (context != null)
            {
                context.remove(context.entry());
                sessions.decrementAndGet();
                close();
            }
        }

        @Override
        public void close()
        {
            if (context != null)
            {
                final ExternalMapQueryContext<SessionKey, byte[], ?> query = context;
                context = null;
                query.close();
            }
        }
    }
}
