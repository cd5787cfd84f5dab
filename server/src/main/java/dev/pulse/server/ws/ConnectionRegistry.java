package dev.pulse.server.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.pulse.journal.ErasureSource;

/**
 * Every open WebSocket connection by its id, across event loops: a hello that resumes a session
 * finds the connection that held it (to close it with 4001), and the sweeper leaves sessions of
 * live connections alone. Touched on connect, hello and close only.
 *
 * <p>Ids start at this process's start time in milliseconds shifted left by 20 bits, not at 1:
 * session records keep their owner's id across a crash, and a restarted process counting from 1
 * again would take a dead process's id for one of its own live connections, closing an unrelated
 * connection with 4001 when the session resumes. Ids of two processes could only meet if the
 * earlier one had opened over a million connections per millisecond between the two starts.
 */
public final class ConnectionRegistry
{
    private final AtomicLong nextId = new AtomicLong(System.currentTimeMillis() << 20);
    private final ConcurrentHashMap<Long, ConnectionHandler> connections = new ConcurrentHashMap<>();

    long register(final ConnectionHandler handler)
    {
        final long id = nextId.incrementAndGet();
        connections.put(id, handler);
        return id;
    }

    void unregister(final long id)
    {
        connections.remove(id);
    }

    /**
     * A hello on connection {@code newOwner} resumed a session that {@code previousOwner} held:
     * that connection, if still open, is closed with 4001 on its own event loop.
     */
    void resumedElsewhere(final long previousOwner, final long newOwner)
    {
        if (previousOwner == 0 || previousOwner == newOwner)
        {
            return;
        }
        final ConnectionHandler previous = connections.get(previousOwner);
        if (previous != null)
        {
            previous.resumedElsewhereFromAnyThread();
        }
    }

    /**
     * Erases the session of connection {@code owner} on that connection's loop ({@link SessionForget}),
     * closing it with 1000 "forgotten"; completes with {@link SessionForget#NONE} at once if it is gone.
     */
    CompletableFuture<Long> erase(final long owner, final ErasureSource source)
    {
        final CompletableFuture<Long> done = new CompletableFuture<>();
        final ConnectionHandler connection = owner == 0 ? null : connections.get(owner);
        if (connection == null)
        {
            done.complete(SessionForget.NONE);
        }
        else
        {
            connection.eraseFromAnyThread(source, done);
        }
        return done;
    }

    /**
     * Applies a backend event to the session of connection {@code owner} on that connection's loop;
     * {@code done} gets the step ({@link BackendEvents.Step#MOVED} at once if the connection is gone).
     */
    void backend(final long owner, final BackendEvent event, final Consumer<BackendEvents.Step> done)
    {
        final ConnectionHandler connection = owner == 0 ? null : connections.get(owner);
        if (connection == null)
        {
            done.accept(BackendEvents.Step.MOVED);
        }
        else
        {
            connection.backendFromAnyThread(event, done);
        }
    }

    public boolean isLive(final long id)
    {
        return id != 0 && connections.containsKey(id);
    }

    public int size()
    {
        return connections.size();
    }

    /** Bytes written to all connections and not yet taken by their sockets (the gauge {@code pulse_write_pending_bytes}). */
    public long pendingWriteBytes()
    {
        long total = 0;
        for (final ConnectionHandler connection : connections.values())
        {
            total += connection.pendingWriteBytes();
        }
        return total;
    }

    /**
     * The connections open now, each as an action that closes it with 1001 (server shutting down)
     * on its own event loop, callable from any thread: for a stop that spreads the closes over time.
     */
    public List<Runnable> goingAwayClosers()
    {
        final List<Runnable> closers = new ArrayList<>(connections.size());
        for (final ConnectionHandler connection : connections.values())
        {
            closers.add(connection::goingAwayFromAnyThread);
        }
        return closers;
    }

    /** Closes every connection with 1001 (server shutting down), each on its own event loop. */
    public void closeAll()
    {
        for (final ConnectionHandler connection : connections.values())
        {
            connection.goingAwayFromAnyThread();
        }
    }
}
