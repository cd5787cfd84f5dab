package dev.pulse.server.session;

/**
 * When the sweeper visits each segment. A pass over every segment takes a tenth of the current
 * session expiry, between 1 s and 30 s (and at least 1 ms a segment), spread evenly over the
 * segments: a session therefore ends at most one pass after its expiry (6 s for a 1-minute expiry,
 * 30 s for the default 30 minutes), well inside the minute the report allows the sweeper
 * ({@code WindowPolicy.SWEEP_GRACE_MS}), while the sweeper's share of the CPU and of the caches
 * shrinks as the expiry grows (a fixed 8 ms a segment visited every session every 1 s in a map of
 * 128 segments, every 4.1 s in one of 512, whatever the expiry).
 *
 * <p>Passes keep their cadence on the monotonic clock: a segment's pause only waits for its due
 * time in the pass, and never longer than its share of a pass. A sweeper that fell behind (a long
 * sweep, a stall, a suspended machine, a test's clock moved on) pauses not at all until it is back
 * on time, and forgives debt older than one pass, so it then makes at most one hurried pass more.
 *
 * <p>Not thread-safe: the sweeper's thread owns it.
 */
final class SweepPace
{
    /** The fastest pass, for expiries under 10 s (the catalog allows 1 minute at the least). */
    static final long MIN_PASS_MS = 1_000;
    /** The slowest pass: an expired session waits at most this (plus a segment's sweep) for its end. */
    static final long MAX_PASS_MS = 30_000;
    /** Passes in one session expiry. */
    static final int PASSES_PER_EXPIRY = 10;
    /**
     * The least pause a segment gets, so a map of thousands of segments is not swept back to back (8,192 segments, the
     * most a map has, make a pass of at least 8.2 s).
     */
    static final long MIN_SEGMENT_MS = 1;

    private final int segments;
    private long passStartMs;
    private long passMs;

    /** @param startMs when the sweeper was made (monotonic): its first pass is due then. */
    SweepPace(final int segments, final long startMs)
    {
        this.segments = Math.max(1, segments);
        this.passStartMs = startMs;
    }

    /** How long a pass over {@code segments} takes for a session expiry of {@code expiryMs}. */
    static long passMsFor(final long expiryMs, final int segments)
    {
        final long leastMs = Math.max(MIN_PASS_MS, segments * MIN_SEGMENT_MS);
        return Math.max(leastMs, Math.min(MAX_PASS_MS, expiryMs / PASSES_PER_EXPIRY));
    }

    /** Starts a pass at {@code nowMs} (monotonic), paced for the expiry as it is now (a reloaded catalog may change it). */
    void startPass(final long nowMs, final long expiryMs)
    {
        // On cadence: the previous pass's start plus its length; never in the future (a clock that stood still), and never
        // more than one pass in the past (older debt is forgiven: one hurried pass visits every session anyway).
        final long onCadenceMs = Math.min(passStartMs + passMs, nowMs);
        passMs = passMsFor(expiryMs, segments);
        passStartMs = Math.max(onCadenceMs, nowMs - passMs);
    }

    /** The current pass's length, as chosen at its start. */
    long passMs()
    {
        return passMs;
    }

    /**
     * The pause after sweeping {@code segment} (0-based in the pass) at {@code nowMs}: until the next segment's due time,
     * at most one segment's share of the pass, none when behind.
     */
    long pauseAfterMs(final int segment, final long nowMs)
    {
        final long nextDueMs = passStartMs + (segment + 1) * passMs / segments;
        return Math.max(0, Math.min(passMs / segments + 1, nextDueMs - nowMs));
    }
}
