package dev.pulse.server.session;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.detect.SessionStateFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * A copy of one session's two records taken before a message changes them, put back when the
 * journal cannot take the message's records: a message that cannot be recorded is not handled,
 * so it leaves no trace in the session either (no seq used up, no detector evidence, no window).
 *
 * <p>Not thread-safe: one per thread that changes sessions; the copy is valid while the session stays locked.
 */
public final class SessionSnapshot
{
    private static final int SERVER_OFFSET = SessionStateFlyweight.LENGTH;

    private final UnsafeBuffer copy = new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH + ServerSessionFlyweight.LENGTH]);

    public void take(final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        copy.putBytes(0, state.buffer(), state.offset(), SessionStateFlyweight.LENGTH);
        copy.putBytes(SERVER_OFFSET, server.buffer(), server.offset(), ServerSessionFlyweight.LENGTH);
    }

    public void restore(final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        state.buffer().putBytes(state.offset(), copy, 0, SessionStateFlyweight.LENGTH);
        server.buffer().putBytes(server.offset(), copy, SERVER_OFFSET, ServerSessionFlyweight.LENGTH);
    }
}
