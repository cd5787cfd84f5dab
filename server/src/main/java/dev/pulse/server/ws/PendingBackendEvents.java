package dev.pulse.server.ws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Backend events kept for sessions that were not connected when they came, until the session's
 * connection comes back ({@link #applyEach}) or the session's expiry has passed since
 * the event was taken. Each one was journaled as kept first, so a restart rebuilds this from the
 * journal ({@link #keep} again for every kept record without its applied one).
 *
 * <p>At most {@link #MAX_PER_SESSION} a session (the oldest goes first) and {@link #MAX_EVENTS} in
 * all (a new one is then refused: the route answers 503). Thread-safe: every event loop keeps and
 * takes, under this object's lock, held for a map operation only.
 */
public final class PendingBackendEvents
{
    /** A session not connected keeps this many backend events at most. */
    public static final int MAX_PER_SESSION = 16;
    /** All sessions together keep this many at most. */
    public static final int MAX_EVENTS = 100_000;
    private static final long PRUNE_PERIOD_MS = 60_000;

    private final Map<Sid, ArrayDeque<BackendEvent>> bySid = new HashMap<>();
    private final LongSupplier expiryMs;
    private int size;
    private long lastPruneMs;

    /** @param expiryMs the catalog's session expiry now: a kept event lasts this long. */
    public PendingBackendEvents(final LongSupplier expiryMs)
    {
        this.expiryMs = expiryMs;
    }

    /**
     * Keeps {@code event} for its session.
     *
     * @return false when {@link #MAX_EVENTS} are kept already (nothing kept).
     */
    public synchronized boolean keep(final BackendEvent event, final long nowWallMs)
    {
        prune(nowWallMs);
        if (size >= MAX_EVENTS)
        {
            return false;
        }
        final ArrayDeque<BackendEvent> kept = bySid.computeIfAbsent(new Sid(event.sidHi(), event.sidLo()), sid -> new ArrayDeque<>());
        if (kept.size() == MAX_PER_SESSION)
        {
            kept.removeFirst();
            size--;
        }
        kept.addLast(event);
        size++;
        return true;
    }

    /** Whether the session has kept events (a cheap look before a hello's connection takes them). */
    public synchronized boolean has(final long sidHi, final long sidLo)
    {
        return bySid.containsKey(new Sid(sidHi, sidLo));
    }

    /** Takes the session's kept events that have not expired, oldest first (empty when none). */
    public synchronized List<BackendEvent> take(final long sidHi, final long sidLo, final long nowWallMs)
    {
        final ArrayDeque<BackendEvent> kept = bySid.remove(new Sid(sidHi, sidLo));
        if (kept == null)
        {
            return List.of();
        }
        size -= kept.size();
        final List<BackendEvent> live = new ArrayList<>(kept.size());
        for (final BackendEvent event : kept)
        {
            if (event.takenAtMs() + expiryMs.getAsLong() > nowWallMs)
            {
                live.add(event);
            }
        }
        return live;
    }

    /**
     * Takes the session's kept events (as {@link #take}) and hands each to {@code apply}, oldest
     * first; one it could not apply (false) is kept again.
     */
    public void applyEach(final long sidHi, final long sidLo, final long nowWallMs, final Predicate<BackendEvent> apply)
    {
        for (final BackendEvent event : take(sidHi, sidLo, nowWallMs))
        {
            if (!apply.test(event))
            {
                keep(event, nowWallMs);
            }
        }
    }

    /** Whether the session keeps an event signed by {@code keyId} with this id. */
    public synchronized boolean holds(final long sidHi, final long sidLo, final String keyId, final String eventId)
    {
        final ArrayDeque<BackendEvent> kept = bySid.get(new Sid(sidHi, sidLo));
        return kept != null && kept.stream().anyMatch(event -> sameEvent(event, keyId, eventId));
    }

    /** Drops the kept event of this key and id (a restart's rebuild saw it applied). */
    public synchronized void forget(final long sidHi, final long sidLo, final String keyId, final String eventId)
    {
        final ArrayDeque<BackendEvent> kept = bySid.get(new Sid(sidHi, sidLo));
        if (kept != null && kept.removeIf(event -> sameEvent(event, keyId, eventId)))
        {
            size = recount();
            if (kept.isEmpty())
            {
                bySid.remove(new Sid(sidHi, sidLo));
            }
        }
    }

    /** Drops everything kept for a session (it ended or was erased). */
    public synchronized void forgetSession(final long sidHi, final long sidLo)
    {
        final ArrayDeque<BackendEvent> kept = bySid.remove(new Sid(sidHi, sidLo));
        if (kept != null)
        {
            size -= kept.size();
        }
    }

    public synchronized int size()
    {
        return size;
    }

    /** Once a minute at most: events older than the session expiry go (their sessions ended without coming back). */
    private void prune(final long nowWallMs)
    {
        if (nowWallMs - lastPruneMs < PRUNE_PERIOD_MS)
        {
            return;
        }
        lastPruneMs = nowWallMs;
        final long oldestMs = nowWallMs - expiryMs.getAsLong();
        final Iterator<ArrayDeque<BackendEvent>> sessions = bySid.values().iterator();
        while (sessions.hasNext())
        {
            final ArrayDeque<BackendEvent> kept = sessions.next();
            kept.removeIf(event -> event.takenAtMs() <= oldestMs);
            if (kept.isEmpty())
            {
                sessions.remove();
            }
        }
        size = recount();
    }

    /** An event is its key's and id's: the ingest route takes an id once per session and key. */
    private static boolean sameEvent(final BackendEvent event, final String keyId, final String eventId)
    {
        return event.eventId().equals(eventId) && event.keyId().equals(keyId);
    }

    private int recount()
    {
        int count = 0;
        for (final ArrayDeque<BackendEvent> kept : bySid.values())
        {
            count += kept.size();
        }
        return count;
    }

    private record Sid(long hi, long lo)
    {
    }
}
