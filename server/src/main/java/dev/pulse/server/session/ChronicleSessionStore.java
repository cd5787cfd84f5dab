package dev.pulse.server.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.detect.SessionStateFlyweight;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.hash.impl.VanillaChronicleHash;
import net.openhft.chronicle.hash.serialization.SizeMarshaller;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapAbsentEntry;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.MapSegmentContext;
import net.openhft.chronicle.map.VanillaChronicleMap;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * Sessions in an off-heap Chronicle Map persisted to one file: with {@link SessionKeyMarshaller},
 * whose name the file records, and {@link SessionMapCopy}, which copies a map's sessions into a new
 * one, the only class that knows Chronicle (what the map's files and
 * geometry need without Chronicle is in {@link SessionMapFile}, {@link SessionMapResize} and
 * {@link SessionMapGeometry}). Values are fixed-size {@link SessionRecord}s read and written in
 * place through a {@link SessionEntryView} pointed at the entry's memory, under the entry's
 * segment lock.
 *
 * <p>Chronicle's lessons, learned the hard way:
 * <ul>
 *   <li>per-entry checksums are off: in-place writes do not update them, and recovery would then
 *       silently drop every touched entry;</li>
 *   <li>a process killed while holding a segment lock leaves it held in the file; the server opens
 *       with {@code recoverPersistedTo} after an unclean stop (never while another process has the
 *       file: the data directory's lock guarantees that) and {@code createPersistedTo} otherwise;</li>
 *   <li>an existing file is described by its own header, not by the builder: recovery passes
 *       {@code sameBuilderConfigAndLibraryVersion = false}, as Chronicle's tutorial says to when the
 *       configuration or the library may have changed since the file was made (with {@code true} a
 *       damaged header would be overwritten with today's geometry);</li>
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
    /** Every accessor handed out (a few: one a thread), so a shutdown can see that none holds an entry. */
    private final List<Access> accesses = new CopyOnWriteArrayList<>();

    private ChronicleSessionStore(final ChronicleMap<SessionKey, byte[]> map, final long capacity)
    {
        this.map = map;
        this.capacity = capacity;
        this.sessions = new AtomicLong(map.longSize());
    }

    /**
     * Opens (creating if absent) the session map file. An existing file keeps the geometry written
     * in its header (segments, entries per segment): Chronicle reads it from there whatever the
     * builder says. When {@code expectedSessions} no longer fits that geometry, the sessions are
     * copied into a new file sized for it (see {@link SessionMapCopy#grow}); a smaller {@code expectedSessions}
     * keeps the file and every session in it, and only limits new ones.
     *
     * @param expectedSessions the capacity; a new file is sized for it (about 1.8 KiB each).
     * @param recover          true after an unclean stop: clears locks left by a dead process.
     * @throws SessionMapCorruptException if the file exists but is not a whole map; it is left as it was.
     * @throws SessionStoreException      if it cannot be opened for another reason (permissions, space,
     *                                    records of another layout).
     */
    public static ChronicleSessionStore open(final Path file, final int expectedSessions, final boolean recover)
        throws SessionStoreException
    {
        SessionMapResize.deleteLeftover(SessionMapResize.copyOf(file));
        final boolean exists = file.toFile().exists();
        SessionMapFile.check(file, recover);
        final ChronicleMapBuilder<SessionKey, byte[]> builder = builder(expectedSessions);
        ChronicleMap<SessionKey, byte[]> map = null;
        try
        {
            if (!exists)
            {
                return new ChronicleSessionStore(builder.createPersistedTo(file.toFile()), expectedSessions);
            }
            // A plain open first: it checks the header and the length without writing, so a damaged file is reported and left
            // as it was (recovery would "repair" a file cut short into a partial map, and grow it).
            final long room;
            try (ChronicleMap<SessionKey, byte[]> plain = builder.createPersistedTo(file.toFile()))
            {
                checkValueSize(file, plain);
                room = room(plain);
            }
            if (recover)
            {
                LOG.warn("the last stop was not clean: recovering the session map {} (clears locks left by a dead process)", file);
                // false: the header, not this builder, describes the file. expected_sessions may have changed since the file was
                // made, and so may the library; with true, Chronicle would overwrite a damaged header with this builder's geometry.
                map = builder.recoverPersistedTo(file.toFile(), false,
                    corruption -> LOG.error("session map recovery: {}", corruption.message(), corruption.exception()));
            }
            else
            {
                map = builder.createPersistedTo(file.toFile());
            }
            if (room < expectedSessions)
            {
                final ChronicleMap<SessionKey, byte[]> whole = map;
                map = null;
                map = SessionMapCopy.grow(file, whole, room, expectedSessions);
            }
            return new ChronicleSessionStore(map, expectedSessions);
        }
        catch (final SessionStoreException ex)
        {
            closeQuietly(map);
            throw ex;
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(map);
            if (exists)
            {
                throw new SessionMapCorruptException(file, "Chronicle Map cannot open it (" + ex.getMessage() + ")", ex);
            }
            throw new SessionStoreException("the session map " + file.toAbsolutePath() + " cannot be created (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * The sessions a map holds without overflow tiers, from the geometry in its header: segments x entries a segment tier
     * (each entry one chunk: keys and values have a constant size).
     */
    static long room(final ChronicleMap<SessionKey, byte[]> map)
    {
        final VanillaChronicleHash<?, ?, ?, ?> hash = (VanillaChronicleHash<?, ?, ?, ?>)map;
        final long entriesPerTier = Math.min(hash.actualChunksPerSegmentTier / Math.max(1, hash.maxChunksPerEntry),
            hash.maxEntriesPerHashLookup);
        return hash.actualSegments * entriesPerTier;
    }

    /**
     * Values are flyweights over the entry's memory: a file whose records have another length (made by a build with another
     * record layout) would be read and written past its entries, so it is refused.
     */
    private static void checkValueSize(final Path file, final ChronicleMap<SessionKey, byte[]> map) throws SessionStoreException
    {
        final SizeMarshaller sizes = ((VanillaChronicleMap<?, ?, ?>)map).valueSizeMarshaller;
        if (sizes.minStorableSize() != SessionRecord.LENGTH || sizes.maxStorableSize() != SessionRecord.LENGTH)
        {
            throw SessionMapFile.otherRecordLength(file, sizes.maxStorableSize());
        }
    }

    private static void closeQuietly(final ChronicleMap<SessionKey, byte[]> map)
    {
        if (map != null)
        {
            map.close();
        }
    }

    /** How every session map is built (a new one for {@code expectedSessions}; an existing file keeps its own geometry). */
    static ChronicleMapBuilder<SessionKey, byte[]> builder(final int expectedSessions)
    {
        final int entries = SessionMapGeometry.entriesFor(expectedSessions);
        return ChronicleMapBuilder.of(SessionKey.class, byte[].class)
            .name("pulse-sessions")
            .keyMarshallers(SessionKeyMarshaller.INSTANCE, SessionKeyMarshaller.INSTANCE)
            .constantKeySizeBySample(new SessionKey())
            .constantValueSizeBySample(new byte[SessionRecord.LENGTH])
            .checksumEntries(false)
            .entryAndValueOffsetAlignment(8)
            .actualSegments(SessionMapGeometry.segmentsFor(entries))
            .entries(entries);
    }

    @Override
    public SessionAccess newAccess()
    {
        final Access access = new Access();
        accesses.add(access);
        return access;
    }

    @Override
    public boolean contextOpen()
    {
        for (final Access access : accesses)
        {
            if (access.context != null)
            {
                return true;
            }
        }
        return false;
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
    public long copyTo(final Path file, final BooleanSupplier cancelled) throws SessionStoreException
    {
        // Room for every session the live map holds, even beyond today's expected_sessions (a smaller value keeps them).
        return SessionMapCopy.copy(map, file, (int)Math.min(Integer.MAX_VALUE, Math.max(capacity, room(map))), cancelled);
    }

    @Override
    public void close()
    {
        map.close();
    }

    /** Points {@code view} at the value's off-heap bytes, where the entry's lock keeps them while it is held. */
    private static void point(final SessionEntryView view, final Data<byte[]> value)
    {
        view.wrap(value.bytes().addressForWrite(value.offset()), (int)value.size());
    }

    /** Visits a segment's entries for {@link #sweep}. */
    private static final class Sweep implements java.util.function.Consumer<MapEntry<SessionKey, byte[]>>
    {
        private final SessionVisitor visitor;
        private final SessionEntryView view = new SessionEntryView();
        private int removed;

        Sweep(final SessionVisitor visitor)
        {
            this.visitor = visitor;
        }

        @Override
        public void accept(final MapEntry<SessionKey, byte[]> entry)
        {
            point(view, entry.value());
            if (visitor.visit(view.state(), view.server()))
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
        private final SessionEntryView view = new SessionEntryView();
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
            point(view, entry.value());
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
            point(view, query.entry().value());
            return true;
        }

        @Override
        public SessionStateFlyweight state()
        {
            return view.state();
        }

        @Override
        public ServerSessionFlyweight server()
        {
            return view.server();
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
