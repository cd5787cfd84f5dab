package dev.pulse.server.logging;

/**
 * The fields a log record carries beyond time, level, logger, thread, message and exception: the
 * connection and its session, for the few lines about one connection (a close, an error), given as
 * SLF4J key-value pairs on those calls ({@code LOG.atInfo().addKeyValue(CONNECTION, id)}). The JSON
 * layout writes each as a field of its own; the text layout appends {@code connection=ID session=SID}.
 */
public final class LogFields
{
    /** The connection's id, as the server numbers its WebSocket connections. */
    public static final String CONNECTION = "connection";
    /** The session's id (32 hex digits), once the connection has said hello. */
    public static final String SESSION = "session";

    private LogFields()
    {
    }
}
