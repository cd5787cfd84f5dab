package dev.pulse.server.ws;

import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalRecordEncoder;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;

/**
 * A loop's part of a backend event's way to its session: {@link #keepOrFindOwner} on the loop that
 * took the request (the session is not connected: its kept record, then {@link PendingBackendEvents};
 * connected: the owner's id, for a hop to that connection's loop), {@link #toEvent} and
 * {@link #record} for the owner's loop ({@link SessionEvents#backend}). Either way the session's map
 * entry is locked while its record is read or written, as for every event.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class BackendEvents
{
    /** What happened to an event on this loop. */
    enum Step
    {
        /** Applied to the live session here. */
        APPLIED,
        /** Kept (journaled) until the session comes back. */
        KEPT,
        /** The session is connected: hop to its owner ({@link #owner()}). */
        LIVE,
        /** The connection that held it no longer does: try again from the start. */
        MOVED,
        /** The session keeps an event of this key and id already: not kept twice. */
        DUPLICATE,
        /** No such session (of this site). */
        NO_SESSION,
        /** The journal could not take the record, or too much is kept: nothing changed. */
        OVERLOADED
    }

    private final ServerContext server;
    private final LoopContext loop;
    private final Event event = new Event();
    private long owner;

    BackendEvents(final ServerContext server, final LoopContext loop)
    {
        this.server = server;
        this.loop = loop;
    }

    /** The connection that holds the session, after {@link Step#LIVE}. */
    long owner()
    {
        return owner;
    }

    /**
     * On the loop that took the request: a session with a live connection is that connection's to
     * change ({@link Step#LIVE}); one without keeps the event, its kept record first.
     */
    Step keepOrFindOwner(final BackendEvent backend)
    {
        final SessionAccess access = loop.sessions;
        if (!access.open(backend.sidHi(), backend.sidLo()))
        {
            return Step.NO_SESSION;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            if (state.siteKey() != backend.siteHash())
            {
                return Step.NO_SESSION;
            }
            owner = record.ownerConnectionId();
            if (server.connections().isLive(owner))
            {
                return Step.LIVE;
            }
            final PendingBackendEvents pending = server.backendPending();
            // Kept for as long as the session's expiry, which may outlast the route's memory of ids: the kept one answers for it.
            if (pending.holds(backend.sidHi(), backend.sidLo(), backend.keyId(), backend.eventId()))
            {
                return Step.DUPLICATE;
            }
            if (pending.size() >= PendingBackendEvents.MAX_EVENTS)
            {
                return Step.OVERLOADED;
            }
            loop.now();
            try (SessionChange change = loop.change.begin(state, record, 0))
            {
                record(backend, server.catalog().current().versionHash(), false);
                if (!change.commit())
                {
                    return Step.OVERLOADED;
                }
            }
            // Under the entry's lock: a hello that takes the session now finds the event once it has the lock.
            return pending.keep(backend, loop.recordWallMs()) ? Step.KEPT : Step.OVERLOADED;
        }
        finally
        {
            access.close();
        }
    }

    /** The event the session machine is given: its type, hashed name and fields, in this loop's reused {@link Event}. */
    Event toEvent(final BackendEvent backend)
    {
        event.reset(EventType.BACKEND).backend(Hash64.of(backend.name()));
        for (final BackendEvent.Field field : backend.fields())
        {
            event.backendField(Hash64.of(field.name()), Hash64.of(field.text()), field.number(), field.text());
        }
        return event;
    }

    /** Its {@link JournalRecordType#BACKEND_EVENT} record, inside the caller's open message. */
    void record(final BackendEvent backend, final long catalogVersion, final boolean applied)
    {
        final JournalRecordEncoder encoder = loop.journal.record(JournalRecordType.BACKEND_EVENT).timeMs(loop.recordWallMs())
            .sid(backend.sidHi(), backend.sidLo()).catalogVersion(catalogVersion).code(applied ? 1 : 0).value(backend.takenAtMs())
            .string(backend.name()).string(backend.keyId()).string(backend.eventId());
        for (final BackendEvent.Field field : backend.fields())
        {
            encoder.string(field.name()).string(field.text());
        }
        encoder.commit();
    }
}
