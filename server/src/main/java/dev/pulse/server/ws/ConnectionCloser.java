package dev.pulse.server.ws;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;

/**
 * Closes one connection with its exact code, once: the close frame, then a FIN, and the channel
 * closed after a grace period whatever the client does. Once closing, the connection handles
 * nothing more: what the client still sends is read and dropped, since closing a socket with
 * unread input would reset it and lose the close frame on the way. Not thread-safe: owned by the
 * connection's event loop.
 *
 * <p>Each close is one log line naming the connection and its session: at DEBUG when nobody did
 * anything wrong (idle, expired, erased, shutdown, resumed elsewhere; a 1011's error is logged with
 * its cause already), at INFO when the client broke a rule or the server is at capacity.
 */
final class ConnectionCloser
{
    static final long CLOSE_GRACE_MS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCloser.class);
    private static final Set<CloseCode> ROUTINE = EnumSet.of(CloseCode.NORMAL, CloseCode.IDLE, CloseCode.SESSION_EXPIRED,
        CloseCode.FORGOTTEN, CloseCode.GOING_AWAY, CloseCode.RESUMED_ELSEWHERE, CloseCode.INTERNAL_ERROR);

    /**
     * After the close frame: a FIN rather than a close. Closing a socket with unread input (a
     * client still sending) resets it, and the reset makes the client's kernel drop the close
     * frame it has not read yet. The client's own close, or the close grace, then ends the channel.
     */
    private static final ChannelFutureListener END_OUTPUT = written ->
    {
        if (written.isSuccess() && written.channel() instanceof DuplexChannel)
        {
            ((DuplexChannel)written.channel()).shutdownOutput();
        }
        else
        {
            written.channel().close();
        }
    };

    private final Metrics metrics;
    private final Runnable closeChannel = this::closeChannel;
    private ChannelHandlerContext ctx;
    private ConnectionState connection;
    private boolean closing;

    ConnectionCloser(final Metrics metrics)
    {
        this.metrics = metrics;
    }

    /** The context the connection writes through, and the connection its log lines name; set once, when the connection's handler is added. */
    void attach(final ChannelHandlerContext ctx, final ConnectionState connection)
    {
        this.ctx = ctx;
        this.connection = connection;
    }

    /** Whether the connection is closing: it handles and writes nothing more. */
    boolean isClosing()
    {
        return closing;
    }

    /** Sends the close frame with {@code code} and ends the connection; does nothing if it is already closing. */
    void closeWith(final CloseCode code)
    {
        closeWith(code, code.reason());
    }

    /** As {@link #closeWith(CloseCode)}, the log line saying {@code why} (a fixed text, never the client's). */
    void closeWith(final CloseCode code, final String why)
    {
        if (closing)
        {
            return;
        }
        closing = true;
        metrics.closed(code);
        log(code, why);
        ctx.writeAndFlush(new CloseWebSocketFrame(code.code(), code.reason())).addListener(END_OUTPUT);
        // A peer that does not read would keep the close frame (and the channel) forever.
        ctx.executor().schedule(closeChannel, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Another handler of the connection sent the close frame with {@code code} and closes the channel
     * (the message size limit): counted and logged here, and the connection handles nothing more.
     */
    void closedElsewhere(final CloseCode code, final String why)
    {
        closing = true;
        metrics.closed(code);
        log(code, why);
    }

    /**
     * Closes for an exception that is not the server's fault: a corrupted frame (Netty's decoder
     * has already sent its close frame, 1002, 1007 or 1009; it is counted here) or a peer gone
     * away, perhaps in the middle of a fragmented message, or a write that failed because the
     * socket was closed or reset (Netty's {@code ClosedChannelException}, a reset or broken pipe, an
     * output already shut down: all {@link IOException}s). False for anything else: an internal error.
     */
    boolean closedFor(final Throwable cause)
    {
        if (cause instanceof CorruptedWebSocketFrameException)
        {
            closedElsewhere(closeCodeOf(((CorruptedWebSocketFrameException)cause).closeStatus().code()), cause.getMessage());
            ctx.close();
            return true;
        }
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException)
        {
            ctx.close();
            return true;
        }
        return false;
    }

    private void log(final CloseCode code, final String why)
    {
        final Level level = ROUTINE.contains(code) ? Level.DEBUG : Level.INFO;
        if (LOG.isEnabledForLevel(level))
        {
            connection.about(LOG.atLevel(level)).log("closing with {}: {}", code.code(), why);
        }
    }

    private void closeChannel()
    {
        ctx.channel().close();
    }

    private static CloseCode closeCodeOf(final int statusCode)
    {
        switch (statusCode)
        {
            case 1007:
                return CloseCode.INVALID_PAYLOAD;
            case 1009:
                return CloseCode.MESSAGE_TOO_BIG;
            default:
                return CloseCode.PROTOCOL_ERROR;
        }
    }
}
