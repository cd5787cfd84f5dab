package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.server.decide.ServerSessionFlyweight;

/**
 * Both flyweights of one session map entry ({@link SessionRecord}'s layout), pointed in place at the
 * entry's off-heap memory: the store's accessor and its sweep each keep one and re-point it at every
 * entry they visit, so a session is read and written without a copy or an allocation. Its buffer
 * is an {@link UndoBuffer}, so a {@link SessionChange} keeps only the blocks it overwrites. Not
 * thread-safe: one per accessor.
 */
final class SessionEntryView
{
    private final UndoBuffer buffer = new UndoBuffer(SessionRecord.LENGTH);
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final ServerSessionFlyweight server = new ServerSessionFlyweight();

    /** Points both flyweights at the entry of {@code length} bytes at {@code address}; valid while its lock is held. */
    void wrap(final long address, final int length)
    {
        buffer.point(address, length);
        state.wrap(buffer, SessionRecord.CORE_OFFSET);
        server.wrap(buffer, SessionRecord.SERVER_OFFSET);
    }

    SessionStateFlyweight state()
    {
        return state;
    }

    ServerSessionFlyweight server()
    {
        return server;
    }
}
