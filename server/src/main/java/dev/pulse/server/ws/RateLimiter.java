package dev.pulse.server.ws;

/**
 * A token bucket for one connection's messages: {@code perSecond} sustained, bursts of
 * {@code burst}. It also tracks how long the connection has been over the limit: a period of
 * dropping that goes on for {@code closeAfterNanos} earns a 1008 close.
 *
 * <p>Not thread-safe: owned by the connection's event loop.
 */
final class RateLimiter
{
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final double tokensPerNano;
    private final double burst;
    private final long closeAfterNanos;
    private double tokens;
    private long lastRefillNanos;
    private long overSinceNanos;
    private long lastDropNanos;
    private long lastErrorNanos;

    RateLimiter(final int perSecond, final int burst, final long closeAfterMs, final long nowNanos)
    {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = burst;
        this.closeAfterNanos = closeAfterMs * 1_000_000L;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token for a message; false if the connection is over its rate. */
    boolean tryAcquire(final long nowNanos)
    {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = nowNanos;
        if (tokens >= 1)
        {
            tokens -= 1;
            return true;
        }
        if (overSinceNanos == 0 || nowNanos - lastDropNanos > QUIET_NANOS)
        {
            overSinceNanos = nowNanos;
        }
        lastDropNanos = nowNanos;
        return false;
    }

    /** Whether the current over-limit period has lasted long enough to close. */
    boolean sustained(final long nowNanos)
    {
        return overSinceNanos != 0 && nowNanos - overSinceNanos >= closeAfterNanos;
    }

    /** Whether to tell the client about a drop now: at most one rate_limited error a second. */
    boolean shouldReportDrop(final long nowNanos)
    {
        if (lastErrorNanos == 0 || nowNanos - lastErrorNanos >= QUIET_NANOS)
        {
            lastErrorNanos = nowNanos;
            return true;
        }
        return false;
    }
}
