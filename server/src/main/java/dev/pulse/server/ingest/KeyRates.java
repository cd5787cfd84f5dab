package dev.pulse.server.ingest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per ingest key ({@code ingest_rate_per_key}): that many requests a second, in
 * bursts of as many; a request over it is refused (429) and costs nothing. Buckets are made on a
 * key's first request and kept (keys are few: one per site and backend).
 *
 * <p>Thread-safe: each bucket is locked for its own update.
 */
final class KeyRates
{
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perSecond;

    KeyRates(final int perSecond)
    {
        this.perSecond = perSecond;
    }

    /** Takes one request of {@code site}'s key {@code keyId}: false when the key is over its rate. */
    boolean tryTake(final String site, final String keyId, final long nowNanos)
    {
        return buckets.computeIfAbsent(site + ' ' + keyId, key -> new Bucket(perSecond, nowNanos)).tryTake(nowNanos);
    }

    private static final class Bucket
    {
        private final double tokensPerNano;
        private final double burst;
        private double tokens;
        private long lastRefillNanos;

        Bucket(final int perSecond, final long nowNanos)
        {
            this.tokensPerNano = perSecond / 1e9;
            this.burst = perSecond;
            this.tokens = perSecond;
            this.lastRefillNanos = nowNanos;
        }

        synchronized boolean tryTake(final long nowNanos)
        {
            tokens = Math.min(burst, tokens + (nowNanos - lastRefillNanos) * tokensPerNano);
            lastRefillNanos = nowNanos;
            if (tokens < 1)
            {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
