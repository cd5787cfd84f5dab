package dev.pulse.server.ws;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;

/**
 * Closes one connection with its exact code, once: the close frame, then a FIN, and the channel
 * closed after a grace period whatever the client does. Once closing, the connection handles
 * nothing more: what the client still sends is read and dropped, since closing a socket with
 * unread input would reset it and lose the close frame on the way. Not thread-safe: owned by the
 * connection's event loop.
 */
final class ConnectionCloser
{
    static final long CLOSE_GRACE_MS = 2_000;

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
    private boolean closing;

    ConnectionCloser(final Metrics metrics)
    {
        this.metrics = metrics;
    }

    /** The context the connection writes through; set once, when the connection's handler is added. */
    void attach(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /** Whether the connection is closing: it handles and writes nothing more. */
    boolean isClosing()
    {
        return closing;
    }

    /** Sends the close frame with {@code code} and ends the connection; does nothing if it is already closing. */
    void closeWith(final CloseCode code)
    {
        if (closing)
        {
            return;
        }
        closing = true;
        metrics.closed(code);
        ctx.writeAndFlush(new CloseWebSocketFrame(code.code(), code.reason())).addListener(END_OUTPUT);
        // A peer that does not read would keep the close frame (and the channel) forever.
        ctx.executor().schedule(closeChannel, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes for an exception that is not the server's fault: a corrupted frame (Netty's decoder
     * has already sent its close frame, 1002, 1007 or 1009; it is counted here) or a peer gone
     * away, perhaps in the middle of a fragmented message. False for anything else: an internal error.
     */
    boolean closedFor(final Throwable cause)
    {
        if (cause instanceof CorruptedWebSocketFrameException)
        {
            closing = true;
            metrics.closed(closeCodeOf(((CorruptedWebSocketFrameException)cause).closeStatus().code()));
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
