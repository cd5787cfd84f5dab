package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/**
 * The layout of one session map entry: the core's state record, then the server's.
 *
 * <pre>
 *  0                              2304                         2752
 *  | SessionStateFlyweight (core)  | ServerSessionFlyweight (448) |
 * </pre>
 */
public final class SessionRecord
{
    public static final int CORE_OFFSET = 0;
    public static final int SERVER_OFFSET = SessionStateFlyweight.LENGTH;
    public static final int LENGTH = SERVER_OFFSET + ServerSessionFlyweight.LENGTH;

    private SessionRecord()
    {
    }
}
