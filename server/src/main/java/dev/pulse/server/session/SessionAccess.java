package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * One thread's handle on the session store: opens one session at a time, locked, with the core
 * and server flyweights pointed at the entry's memory. Reused for every event, so it allocates
 * nothing. Always {@link #close()} what was opened, in a finally block.
 *
 * <pre>
 *   if (access.open(hi, lo)) { try { ... access.state() ... } finally { access.close(); } }
 * </pre>
 */
public interface SessionAccess extends AutoCloseable
{
    /** Locks the session's entry. False if there is no such session (nothing is then held). */
    boolean open(long sidHi, long sidLo);

    /**
     * Creates the session, zeroed, and locks it; the caller initialises both records.
     *
     * @return false if it already exists or the store is full (nothing is then held).
     */
    boolean create(long sidHi, long sidLo);

    /** The open session's core record. */
    SessionStateFlyweight state();

    /** The open session's server record. */
    ServerSessionFlyweight server();

    /** Removes the open session and releases it. */
    void remove();

    /** Releases the open session, if any. */
    @Override
    void close();
}
