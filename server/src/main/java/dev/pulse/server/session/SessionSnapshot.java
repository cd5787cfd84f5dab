package dev.pulse.server.session;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.detect.SessionStateFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * One session's two records as they were before a message changes them, put back when the
 * journal cannot take the message's records: a message that cannot be recorded is not handled,
 * so it leaves no trace in the session either (no seq used up, no detector evidence, no window).
 * Records in a session map entry (an {@link UndoBuffer}) keep only the blocks the change
 * overwrites, as it writes them; records anywhere else are copied whole.
 *
 * <p>Not thread-safe: one per thread that changes sessions; valid while the session stays locked.
 */
public final class SessionSnapshot
{
    private static final int SERVER_OFFSET = SessionStateFlyweight.LENGTH;

    private final UnsafeBuffer copy = new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH + ServerSessionFlyweight.LENGTH]);
    /** The entry that keeps what this change overwrites; null when the records were copied. */
    private UndoBuffer entry;

    public void take(final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        if (state.buffer() instanceof UndoBuffer && server.buffer() == state.buffer())
        {
            entry = (UndoBuffer)state.buffer();
            entry.track();
            return;
        }
        entry = null;
        copy.putBytes(0, state.buffer(), state.offset(), SessionStateFlyweight.LENGTH);
        copy.putBytes(SERVER_OFFSET, server.buffer(), server.offset(), ServerSessionFlyweight.LENGTH);
    }

    /** The change is kept: nothing is saved for it any more. */
    public void release()
    {
        if (entry != null)
        {
            entry.stopTracking();
            entry = null;
        }
    }

    public void restore(final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        if (entry != null)
        {
            entry.undo();
            entry = null;
            return;
        }
        state.buffer().putBytes(state.offset(), copy, 0, SessionStateFlyweight.LENGTH);
        server.buffer().putBytes(server.offset(), copy, SERVER_OFFSET, ServerSessionFlyweight.LENGTH);
    }
}
