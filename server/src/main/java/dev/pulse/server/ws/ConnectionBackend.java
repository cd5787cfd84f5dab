package dev.pulse.server.ws;

/**
 * A connection's part in backend events, on its own loop: one handed over by the ingest route
 * ({@link ConnectionHandler#backendFromAnyThread}), and after a hello the events kept while its
 * session was away ({@link PendingBackendEvents}), each applied as its own message after the welcome.
 *
 * <p>Not thread-safe: runs on the connection's event loop only.
 */
final class ConnectionBackend
{
    /** Applies the session's kept events; handed to the loop after a hello that found some. */
    final Runnable applyPending = this::applyPending;

    private final ConnectionHandler handler;
    private final ConnectionState connection;
    private final ConnectionCloser closer;
    private final ServerContext server;
    private LoopContext loop;

    ConnectionBackend(final ConnectionHandler handler, final ConnectionState connection, final ConnectionCloser closer,
        final ServerContext server)
    {
        this.handler = handler;
        this.connection = connection;
        this.closer = closer;
        this.server = server;
    }

    void attach(final LoopContext loop)
    {
        this.loop = loop;
    }

    /** Applies one event to the session ({@link SessionEvents#backend}) and sends what it produced (a question). */
    BackendEvents.Step apply(final BackendEvent event)
    {
        if (closer.isClosing())
        {
            return BackendEvents.Step.MOVED;
        }
        try
        {
            final Outbox out = loop.outbox;
            out.clear();
            final BackendEvents.Step step = loop.sessionEvents.backend(connection, event, loop.now(), out);
            if (step == BackendEvents.Step.APPLIED)
            {
                handler.deliverNow(out);
            }
            return step;
        }
        catch (final RuntimeException ex)
        {
            handler.internalError(ex);
            return BackendEvents.Step.OVERLOADED;
        }
    }

    /** The events kept for the session while it was away; one the journal could not take yet is kept again. */
    private void applyPending()
    {
        server.backendPending().applyEach(connection.sidHi, connection.sidLo, server.clock().wallMs(),
            event -> !closer.isClosing() && apply(event) != BackendEvents.Step.OVERLOADED);
    }
}
