package dev.pulse.server.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import dev.pulse.server.protocol.CloseCode;

/**
 * What one connection does with a frame before it is a message: a whole text message takes a
 * token of the {@link MessageRate} and goes to the connection's {@link TextHandler}; a fragment
 * waits in the {@link FragmentJoiner} until its message is whole (then the same); a ping takes a
 * token and is answered through the {@link WriteStallGuard}; a binary frame closes with 1003.
 * These were three handlers of the pipeline (the frame aggregator, the rate limit and the
 * connection); as one step of the connection's read a frame makes one hop instead of three.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class FrameIntake
{
    /** Handles one whole text message; the intake owns {@code text} and releases it after. */
    @FunctionalInterface
    interface TextHandler
    {
        void onText(ByteBuf text, long nowNanos);
    }

    private final MessageRate rate;
    private final FragmentJoiner fragments;
    private final WriteStallGuard writeStall;
    private final ConnectionCloser closer;
    private final TextHandler handler;

    FrameIntake(final MessageRate rate, final FragmentJoiner fragments, final WriteStallGuard writeStall, final ConnectionCloser closer,
        final TextHandler handler)
    {
        this.rate = rate;
        this.fragments = fragments;
        this.writeStall = writeStall;
        this.closer = closer;
        this.handler = handler;
    }

    /** Takes {@code frame} (the caller still owns it and releases it), read at {@code nowNanos}, on a connection not closing. */
    void read(final ChannelHandlerContext ctx, final WebSocketFrame frame, final long nowNanos)
    {
        if (frame instanceof TextWebSocketFrame && frame.isFinalFragment())
        {
            if (rate.admit(nowNanos))
            {
                handler.onText(frame.content(), nowNanos);
            }
        }
        else if (frame instanceof TextWebSocketFrame || frame instanceof ContinuationWebSocketFrame)
        {
            joined(fragments.add(ctx, frame), nowNanos);
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            if (rate.admit(nowNanos))
            {
                writeStall.answer((PingWebSocketFrame)frame);
            }
        }
        else if (frame instanceof BinaryWebSocketFrame)
        {
            closer.closeWith(CloseCode.UNSUPPORTED_DATA);
        }
    }

    /** A fragmented message is whole (one token for all of it), or null while it is not. */
    private void joined(final ByteBuf whole, final long nowNanos)
    {
        if (whole == null)
        {
            return;
        }
        try
        {
            if (rate.admit(nowNanos))
            {
                handler.onText(whole, nowNanos);
            }
        }
        finally
        {
            whole.release();
        }
    }

    /** The connection ended: a message still being joined is dropped. */
    void release()
    {
        fragments.release();
    }
}
