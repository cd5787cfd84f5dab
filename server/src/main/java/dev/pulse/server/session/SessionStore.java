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
     * Copies every session into a new session map file, {@code file} (which must not exist), for a
     * backup taken while the server serves: a segment at a time under that segment's lock, so each
     * session is copied whole as it stood between two of its events, and writers wait only for their
     * own segment's copy. The copy is complete, closed and forced when this returns; it is a map that
     * a server opens as it opens its own after a crash. {@code cancelled} is asked between segments
     * (the server is stopping): the copy then stops with an exception, and the caller deletes it.
     *
     * @return how many sessions the copy holds.
     * @throws SessionStoreException if the copy cannot be written or was cancelled.
     */
    long copyTo(java.nio.file.Path file, java.util.function.BooleanSupplier cancelled) throws SessionStoreException;

    /**
     * Whether an accessor still holds an entry open (and its lock). Read it only once every thread
     * that used an accessor has stopped: the shutdown asks before it closes the store.
     */
    boolean contextOpen();

    @Override
    void close();
}
