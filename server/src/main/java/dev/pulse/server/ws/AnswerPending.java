package dev.pulse.server.ws;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Marks an HTTP connection whose request is being answered off its event loop (a report, a
 * backup, a catalog reload): the client is waiting for the answer, so the read timeout must not
 * close the connection as idle meanwhile. A backup of a large journal takes minutes, far past
 * {@code read_timeout_ms}. Set by the routes when they answer later, cleared when they answer.
 */
public final class AnswerPending
{
    private static final AttributeKey<Boolean> PENDING = AttributeKey.valueOf(AnswerPending.class, "pending");

    private AnswerPending()
    {
    }

    /** The request on {@code channel} will be answered later. */
    public static void mark(final Channel channel)
    {
        channel.attr(PENDING).set(Boolean.TRUE);
    }

    /** The answer is being written. */
    public static void clear(final Channel channel)
    {
        channel.attr(PENDING).set(null);
    }

    static boolean isPending(final Channel channel)
    {
        return channel.hasAttr(PENDING) && Boolean.TRUE.equals(channel.attr(PENDING).get());
    }
}
