package dev.pulse.server.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

/**
 * One connection's rate limit, just before its {@link ConnectionHandler}: each message and each
 * ping takes a token of the connection's {@link RateLimiter} (from the WebSocket handshake on).
 * What is over the rate is dropped here, with a {@code rate_limited} error at most once a second,
 * and a connection that stays over it is closed with 1008. Frames of a connection already closing
 * pass untouched (the connection drops them), and so does everything else.
 *
 * <p>Not thread-safe, not sharable: one per connection, on its event loop.
 */
final class RateLimitHandler extends ChannelInboundHandlerAdapter
{
    private final ServerConfig config;
    private final Metrics metrics;
    private final ConnectionCloser closer;
    private final WriteStallGuard writeStall;
    private RateLimiter rateLimiter;

    RateLimitHandler(final ServerConfig config, final Metrics metrics, final ConnectionCloser closer, final WriteStallGuard writeStall)
    {
        this.config = config;
        this.metrics = metrics;
        this.closer = closer;
        this.writeStall = writeStall;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            rateLimiter = new RateLimiter(config.messagesPerSecond(), config.messageBurst(), config.rateLimitCloseMs(), System.nanoTime());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof TextWebSocketFrame || message instanceof PingWebSocketFrame) || closer.isClosing())
        {
            ctx.fireChannelRead(message);
            return;
        }
        final RateLimiter.Verdict verdict = rateLimiter.admit(System.nanoTime());
        if (verdict == RateLimiter.Verdict.ADMIT)
        {
            ctx.fireChannelRead(message);
            return;
        }
        try
        {
            if (verdict == RateLimiter.Verdict.CLOSE)
            {
                closer.closeWith(CloseCode.POLICY_VIOLATION, "over messages_per_second for rate_limit_close_ms");
            }
            else if (verdict == RateLimiter.Verdict.DROP_AND_REPORT)
            {
                metrics.error(ErrorCode.RATE_LIMITED);
                ctx.write(MessageEncoder.error(ctx.alloc(), ErrorCode.RATE_LIMITED, false, 0, "over the message rate: messages dropped"));
            }
            // The rate_limited error may be one write too many for a client that does not read.
            writeStall.closeIfOverCap();
        }
        finally
        {
            ReferenceCountUtil.release(message);
        }
    }
}
