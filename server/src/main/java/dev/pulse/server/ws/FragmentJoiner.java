package dev.pulse.server.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import dev.pulse.server.protocol.CloseCode;

/**
 * Joins one connection's fragmented text message and enforces the message limit after joining:
 * one byte over closes with 1009 ({@code message too big}) and the channel. A whole message in one
 * frame never comes here: the frame decoder already caps a frame at the same limit, and the
 * connection hands such a frame straight on, so this is off the steady-state path (it used to be
 * Netty's frame aggregator, a handler every frame passed through). Netty's frame decoder already
 * refuses a continuation without a start and a new message inside an open one (1002), so
 * fragments come here in order.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class FragmentJoiner
{
    /** As Netty's aggregator: past this many fragments the joined buffer copies them into one. */
    private static final int MAX_COMPONENTS = 1024;

    private final int maxMessageBytes;
    private final ConnectionCloser closer;
    private CompositeByteBuf joined;

    /** @param closer the connection's closer: it counts and logs the 1009, and the connection handles nothing after it. */
    FragmentJoiner(final int maxMessageBytes, final ConnectionCloser closer)
    {
        this.maxMessageBytes = maxMessageBytes;
        this.closer = closer;
    }

    /**
     * Takes a fragment (the caller still owns it): the whole message once this is its last
     * fragment (the caller releases it), else null; null too when the message went over the
     * limit and the connection is closing.
     */
    ByteBuf add(final ChannelHandlerContext ctx, final WebSocketFrame fragment)
    {
        final ByteBuf content = fragment.content();
        if (joined == null)
        {
            joined = ctx.alloc().compositeBuffer(MAX_COMPONENTS);
        }
        if (joined.readableBytes() > maxMessageBytes - content.readableBytes())
        {
            release();
            closer.closedElsewhere(CloseCode.MESSAGE_TOO_BIG, "a message over max_message_bytes");
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big"))
                .addListener(ChannelFutureListener.CLOSE);
            return null;
        }
        joined.addComponent(true, content.retain());
        if (!fragment.isFinalFragment())
        {
            return null;
        }
        final ByteBuf whole = joined;
        joined = null;
        return whole;
    }

    /** Drops a message still being joined (the connection ended). */
    void release()
    {
        if (joined != null)
        {
            joined.release();
            joined = null;
        }
    }
}
