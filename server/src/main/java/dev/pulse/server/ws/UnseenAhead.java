package dev.pulse.server.ws;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalProxy;

/**
 * The question_unseen record of a question held for the disk, around each message or timer of its
 * connection: written first, ahead of the outcome records the message may close the question's
 * window with (so a reader knows the window's question was never seen before it reads the
 * window), then kept if the message closed the question (it is never sent) or taken back if the
 * question is still open.
 *
 * <p>Not thread-safe: one per event loop.
 */
final class UnseenAhead
{
    /** The mark of a message with no question held. */
    static final int NONE = -1;

    private final LoopContext loop;

    UnseenAhead(final LoopContext loop)
    {
        this.loop = loop;
    }

    /** Inside the message: writes the held question's question_unseen record; returns its mark, or {@link #NONE}. */
    int write(final ConnectionState connection)
    {
        if (connection.heldIid == 0)
        {
            return NONE;
        }
        final JournalProxy journal = loop.journal;
        final int mark = journal.mark();
        journal.questionUnseen(loop.recordWallMs(), connection.sidHi, connection.sidLo, connection.heldCatalogVersion,
            connection.heldIid, connection.heldQuestionId);
        return mark;
    }

    /**
     * After the machine: a held question its session no longer has open (the page view that closes
     * a question came before the disk did) is withdrawn and its record stays; otherwise the record
     * is taken back.
     */
    void settle(final ConnectionState connection, final SessionStateFlyweight state, final int mark, final Outbox out)
    {
        if (mark == NONE)
        {
            return;
        }
        if (state.questions().openIid() != connection.heldIid)
        {
            out.withdrawHeld = true;
        }
        else
        {
            loop.journal.retract(mark);
        }
    }
}
