package dev.pulse.server.ws;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import dev.pulse.server.protocol.CloseCode;

/**
 * Joins fragmented messages and enforces the message limit after joining: one byte over closes
 * with 1009. Netty's aggregator would only raise an exception; it sits after the protocol handler
 * so that handler sees this close frame go out and adds none of its own.
 */
final class MessageSizeLimiter extends WebSocketFrameAggregator
{
    private final ConnectionCloser closer;

    /** @param closer the connection's closer: it counts and logs this close, and the connection handles nothing after it. */
    MessageSizeLimiter(final int maxMessageBytes, final ConnectionCloser closer)
    {
        super(maxMessageBytes);
        this.closer = closer;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final WebSocketFrame oversized)
    {
        closer.closedElsewhere(CloseCode.MESSAGE_TOO_BIG, "a message over max_message_bytes");
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big"))
            .addListener(ChannelFutureListener.CLOSE);
    }
}
