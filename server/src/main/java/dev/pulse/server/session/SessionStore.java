package dev.pulse.server.session;

/**
 * Where sessions live between events: fixed-size records, keyed by session id, read and written
 * in place under a per-entry lock. The server talks only to this interface; Chronicle Map, its
 * lifecycle and its quirks stay in {@link ChronicleSessionStore}.
 */
public interface SessionStore extends AutoCloseable
{
    /** A new accessor for one thread (accessors are not thread-safe; create one per event loop). */
    SessionAccess newAccess();

    /** Sessions held now. */
    long size();

    /** Sessions the store is sized for; beyond it new sessions are refused. */
    long capacity();

    /** The store's segments, for a sweeper that walks it in bounded steps. */
    int segments();

    /**
     * Visits every session of one segment under that segment's lock; the visitor may remove the
     * session it is shown. Keep visitors short: writers of the segment wait.
     *
     * @return how many sessions were removed.
     */
    int sweep(int segment, SessionVisitor visitor);

    /**
     * Whether an accessor still holds an entry open (and its lock). Read it only once every thread
     * that used an accessor has stopped: the shutdown asks before it closes the store.
     */
    boolean contextOpen();

    @Override
    void close();
}
