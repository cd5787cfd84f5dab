package dev.pulse.server.ws;

/**
 * A token bucket for one connection's messages (and pings): {@code perSecond} sustained, bursts
 * of {@code burst}, and the policy for what is over it ({@link #admit}): drop the message, tell the
 * client at most once a second ({@code rate_limited}), and close with 1008 once a period of
 * dropping has gone on for {@code closeAfterMs}.
 *
 * <p>Not thread-safe: owned by the connection's event loop.
 */
final class RateLimiter
{
    private static final long QUIET_NANOS = 1_000_000_000L;

    /** What to do with one message. */
    enum Verdict
    {
        /** Within the rate: handle it. */
        ADMIT,
        /** Over the rate: drop it silently (the client was told within the last second). */
        DROP,
        /** Over the rate: drop it and send a {@code rate_limited} error. */
        DROP_AND_REPORT,
        /** Over the rate for too long: close the connection with 1008. */
        CLOSE
    }

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

    /** Takes a token for a message received at {@code nowNanos} and says what to do with it. */
    Verdict admit(final long nowNanos)
    {
        if (tryAcquire(nowNanos))
        {
            return Verdict.ADMIT;
        }
        if (sustained(nowNanos))
        {
            return Verdict.CLOSE;
        }
        return shouldReportDrop(nowNanos) ? Verdict.DROP_AND_REPORT : Verdict.DROP;
    }

    /** Takes a token; false if over the rate. The bucket alone, without the policy (the server's handshakes use it so). */
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
    private boolean sustained(final long nowNanos)
    {
        return overSinceNanos != 0 && nowNanos - overSinceNanos >= closeAfterNanos;
    }

    /** Whether to tell the client about a drop now: at most one rate_limited error a second. */
    private boolean shouldReportDrop(final long nowNanos)
    {
        if (lastErrorNanos == 0 || nowNanos - lastErrorNanos >= QUIET_NANOS)
        {
            lastErrorNanos = nowNanos;
            return true;
        }
        return false;
    }
}
