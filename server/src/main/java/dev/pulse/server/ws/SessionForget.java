package dev.pulse.server.ws;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.ErasureSource;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.decide.ServerSessionFlyweight;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionChange;

/**
 * Erases the session a connection holds, on the connection's event loop like every change of a
 * live session: the client's {@code forget} message, or an operator's erasure of a session whose
 * connection is open ({@link SessionEraser}). The {@link JournalRecordType#SESSION_ERASED} record
 * and the removal of the session's state are one step under the entry's lock: the record is taken
 * by the journal and then the entry goes, or nothing changes. The session's outcome windows,
 * trigger memory and questions live in its record and go with it; its timer goes with the
 * connection, which is closed with 1000 "forgotten".
 *
 * <p>Not thread-safe: one per event loop.
 */
final class SessionForget
{
    /** No session was erased: the connection holds none (never said hello, or it was already gone). */
    static final long NONE = 0;
    /** The journal could not take the record: nothing changed. */
    static final long REFUSED = -1;

    private final LoopContext loop;

    SessionForget(final LoopContext loop)
    {
        this.loop = loop;
    }

    /**
     * Erases the connection's session and asks the outbox to close the connection ({@code out.close}).
     * Call {@link LoopContext#now()} first: the record carries the time it read.
     *
     * @param seq the client message's seq (0: none, an operator's erasure).
     * @return the journal position after the erasure's record (the record is on disk once the journal has
     * written that far), {@link #NONE} or {@link #REFUSED}.
     */
    long erase(final ConnectionState connection, final ErasureSource source, final long seq, final Outbox out)
    {
        final SessionAccess access = loop.sessions;
        if (!connection.helloed || !access.open(connection.sidHi, connection.sidLo))
        {
            out.close = CloseCode.FORGOTTEN;
            return NONE;
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final ServerSessionFlyweight record = access.server();
            if (record.ownerConnectionId() != connection.id)
            {
                // Another connection resumed the session: this one is being closed with 4001, the session is not its to erase.
                return NONE;
            }
            try (SessionChange change = loop.change.begin(state, record, seq))
            {
                loop.journal.sessionErased(loop.recordWallMs(), connection.sidHi, connection.sidLo, state.visitorHash(), source);
                if (!change.commit())
                {
                    return REFUSED;
                }
            }
            access.remove();
        }
        finally
        {
            access.close();
        }
        out.close = CloseCode.FORGOTTEN;
        return loop.journal.lastPosition();
    }
}
