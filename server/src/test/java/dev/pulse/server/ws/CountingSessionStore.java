package dev.pulse.server.ws;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.session.SessionStoreException;
import dev.pulse.server.session.SessionVisitor;

/**
 * A real session store that counts how often its accessors take an entry: every {@link SessionAccess#open} and
 * {@link SessionAccess#create} takes the entry's segment lock once (a miss too: it takes the lock to find nothing), and
 * nothing else an accessor does takes it again ({@code remove} and {@code close} work on the entry already held). A test
 * double: the server counts nothing of the kind on its hot path.
 */
final class CountingSessionStore implements SessionStore
{
    private final SessionStore store;
    private long acquisitions;

    CountingSessionStore(final SessionStore store)
    {
        this.store = store;
    }

    /** Entries taken so far by this store's accessors (one thread at a time: the tests use one loop). */
    long acquisitions()
    {
        return acquisitions;
    }

    @Override
    public SessionAccess newAccess()
    {
        final SessionAccess access = store.newAccess();
        return new SessionAccess()
        {
            @Override
            public boolean open(final long sidHi, final long sidLo)
            {
                acquisitions++;
                return access.open(sidHi, sidLo);
            }

            @Override
            public boolean create(final long sidHi, final long sidLo)
            {
                acquisitions++;
                return access.create(sidHi, sidLo);
            }

            @Override
            public SessionStateFlyweight state()
            {
                return access.state();
            }

            @Override
            public ServerSessionFlyweight server()
            {
                return access.server();
            }

            @Override
            public void remove()
            {
                access.remove();
            }

            @Override
            public void close()
            {
                access.close();
            }
        };
    }

    @Override
    public long size()
    {
        return store.size();
    }

    @Override
    public long capacity()
    {
        return store.capacity();
    }

    @Override
    public int segments()
    {
        return store.segments();
    }

    @Override
    public int sweep(final int segment, final SessionVisitor visitor)
    {
        return store.sweep(segment, visitor);
    }

    @Override
    public long copyTo(final Path file, final BooleanSupplier cancelled) throws SessionStoreException
    {
        return store.copyTo(file, cancelled);
    }

    @Override
    public boolean contextOpen()
    {
        return store.contextOpen();
    }

    @Override
    public void close()
    {
        store.close();
    }
}
