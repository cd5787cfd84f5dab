package dev.pulse.server.ws;

import io.netty.channel.ChannelHandlerContext;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

/**
 * One connection's rate limit, asked by its {@link ConnectionHandler} for each message and each
 * ping before handling it: a token of the connection's {@link RateLimiter} (the rule lives there),
 * from the WebSocket handshake on. What is over the rate is dropped, with a {@code rate_limited}
 * error at most once a second, and a connection that stays over it is closed with 1008. It used
 * to be a handler of its own in the pipeline, one more hop for every frame.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class MessageRate
{
    private final ServerConfig config;
    private final Metrics metrics;
    private final ConnectionCloser closer;
    private ChannelHandlerContext ctx;
    private RateLimiter limiter;

    MessageRate(final ServerConfig config, final Metrics metrics, final ConnectionCloser closer)
    {
        this.config = config;
        this.metrics = metrics;
        this.closer = closer;
    }

    /** The context the connection writes through; set once, when the connection's handler is added. */
    void attach(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /** The WebSocket handshake completed at {@code nowNanos}: the bucket starts full. */
    void start(final long nowNanos)
    {
        limiter = new RateLimiter(config.messagesPerSecond(), config.messageBurst(), config.rateLimitCloseMs(), nowNanos);
    }

    /**
     * Takes a token for a message or ping read at {@code nowNanos}: true to handle it; false when
     * it is over the rate and dropped (the caller releases it), the client told or the connection
     * closed here as the rule says. The caller checks the write stall cap after it, as after any write.
     */
    boolean admit(final long nowNanos)
    {
        final RateLimiter.Verdict verdict = limiter.admit(nowNanos);
        if (verdict == RateLimiter.Verdict.ADMIT)
        {
            return true;
        }
        if (verdict == RateLimiter.Verdict.CLOSE)
        {
            closer.closeWith(CloseCode.POLICY_VIOLATION, "over messages_per_second for rate_limit_close_ms");
        }
        else if (verdict == RateLimiter.Verdict.DROP_AND_REPORT)
        {
            metrics.error(ErrorCode.RATE_LIMITED);
            ctx.write(MessageEncoder.error(ctx.alloc(), ErrorCode.RATE_LIMITED, false, 0, "over the message rate: messages dropped"),
                ctx.voidPromise());
        }
        return false;
    }
}
