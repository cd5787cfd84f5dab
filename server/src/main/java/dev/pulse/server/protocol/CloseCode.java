package dev.pulse.server.protocol;

/** The WebSocket close codes Pulse sends (docs/protocol.md), with the reason text it sends. */
public enum CloseCode
{
    NORMAL(1000, "normal"),
    IDLE(1000, "idle"),
    SESSION_EXPIRED(1000, "session expired"),
    /** The session was erased (the client's forget, or an operator's erasure): nothing of it is kept. */
    FORGOTTEN(1000, "forgotten"),
    GOING_AWAY(1001, "server shutting down"),
    PROTOCOL_ERROR(1002, "protocol error"),
    UNSUPPORTED_DATA(1003, "binary frames are not accepted"),
    INVALID_PAYLOAD(1007, "invalid UTF-8"),
    POLICY_VIOLATION(1008, "policy violation"),
    MESSAGE_TOO_BIG(1009, "message too big"),
    INTERNAL_ERROR(1011, "internal error"),
    TRY_AGAIN_LATER(1013, "at capacity, retry later"),
    /** The client did not take what the server wrote, for too long or too much of it. */
    SLOW_CONSUMER(1013, "not reading, retry later"),
    RESUMED_ELSEWHERE(4001, "resumed elsewhere");

    private final int code;
    private final String reason;

    CloseCode(final int code, final String reason)
    {
        this.code = code;
        this.reason = reason;
    }

    public int code()
    {
        return code;
    }

    public String reason()
    {
        return reason;
    }
}
