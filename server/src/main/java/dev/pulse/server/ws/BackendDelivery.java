package dev.pulse.server.ws;

import java.util.function.Consumer;

import io.netty.channel.EventLoop;

/**
 * Takes a checked backend event to its session, for the ingest route: on the route's own loop the
 * session's entry is read under its lock; a session with a live connection gets the event on that
 * connection's loop (a task handed to it, never a wait for it), a session without one keeps it,
 * journaled, until it comes back. The answer comes through a callback, on whichever loop finished.
 *
 * <p>Thread-safe: call it from an event loop of the server ({@code routeLoop}, whose resources it uses).
 */
public final class BackendDelivery
{
    /** What became of an event. */
    public enum Outcome
    {
        /** Applied to the session on its connection's loop. */
        APPLIED,
        /** Journaled and kept until the session's connection comes back. */
        KEPT,
        /** The session keeps an event of this key and id already (taken before, maybe before a restart): not taken again. */
        DUPLICATE,
        /** No such session of the site. */
        NO_SESSION,
        /** The journal (or the store of kept events) could not take it: nothing changed, try again. */
        OVERLOADED
    }

    /** A session whose connection moves under the event is looked up again this often at most. */
    private static final int MAX_ATTEMPTS = 3;

    private final ServerContext server;

    public BackendDelivery(final ServerContext server)
    {
        this.server = server;
    }

    /** Delivers {@code event}; {@code done} is called once with the outcome, from a loop of the server. */
    public void deliver(final EventLoop routeLoop, final BackendEvent event, final Consumer<Outcome> done)
    {
        attempt(routeLoop, event, done, 1);
    }

    private void attempt(final EventLoop routeLoop, final BackendEvent event, final Consumer<Outcome> done, final int attempt)
    {
        final BackendEvents events = server.loop(routeLoop).backendEvents;
        final BackendEvents.Step step = events.keepOrFindOwner(event);
        if (step != BackendEvents.Step.LIVE)
        {
            done.accept(outcome(step));
            return;
        }
        server.connections().backend(events.owner(), event, onOwner ->
        {
            if (onOwner != BackendEvents.Step.MOVED)
            {
                done.accept(outcome(onOwner));
            }
            else if (attempt < MAX_ATTEMPTS)
            {
                // The connection closed or another took the session meanwhile: look again, from the route's loop.
                routeLoop.execute(() -> attempt(routeLoop, event, done, attempt + 1));
            }
            else
            {
                done.accept(Outcome.OVERLOADED);
            }
        });
    }

    private static Outcome outcome(final BackendEvents.Step step)
    {
        switch (step)
        {
            case APPLIED:
                return Outcome.APPLIED;
            case KEPT:
                return Outcome.KEPT;
            case DUPLICATE:
                return Outcome.DUPLICATE;
            case NO_SESSION:
                return Outcome.NO_SESSION;
            default:
                return Outcome.OVERLOADED;
        }
    }
}
