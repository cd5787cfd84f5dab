package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalProxy;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * One change to a locked session and the journal records it makes, kept together or not at all:
 * {@link #begin} starts keeping the session's records as they were ({@link SessionSnapshot}) and
 * opens a journal message; {@link #commit} publishes the message's records, or, if the journal could not take them all, puts the session back
 * as it was and says so; {@link #close} (in the try-with-resources around the change) does the same
 * for a change that never reached commit (it threw). Nothing changes a session without its record.
 *
 * <pre>
 *   try (SessionChange change = this.change.begin(state, server, seq))
 *   {
 *       ... change the session, write its records ...
 *       if (!change.commit()) { ... refuse: nothing happened ... }
 *   }
 * </pre>
 *
 * <p>Not thread-safe: one per thread that changes sessions, reused for every change (no allocation).
 */
public final class SessionChange implements AutoCloseable
{
    private final JournalProxy journal;
    private final SessionSnapshot snapshot = new SessionSnapshot();
    private SessionStateFlyweight state;
    private ServerSessionFlyweight server;
    private boolean open;

    public SessionChange(final JournalProxy journal)
    {
        this.journal = journal;
    }

    /** Starts a change of the locked session; {@code seq} is the client message's (0: none), carried by every record. */
    public SessionChange begin(final SessionStateFlyweight state, final ServerSessionFlyweight server, final long seq)
    {
        this.state = state;
        this.server = server;
        snapshot.take(state, server);
        journal.beginMessage(seq);
        open = true;
        return this;
    }

    /** Publishes the change's records and keeps it: true; or, when the journal could not take them all, undoes it: false. */
    public boolean commit()
    {
        open = false;
        if (journal.endMessage())
        {
            snapshot.release();
            return true;
        }
        snapshot.restore(state, server);
        return false;
    }

    /** Undoes a change that did not reach {@link #commit} (its code threw); nothing if it did. */
    @Override
    public void close()
    {
        if (open)
        {
            open = false;
            journal.abortMessage();
            snapshot.restore(state, server);
        }
    }
}
