package dev.pulse.loadtest;

/**
 * A run's settings, checked: {@link #check} refuses (with a message naming the option) anything the
 * journeys or the server's limits cannot serve.
 *
 * @param questionTimeoutMs how long after its event a question may take before it counts as
 *                          missed (for idle: after the idle threshold).
 * @param tickMicros        the shortest sleep of a loop between two ticks.
 */
record RunSettings(
    LoopbackUrl url,
    String origin,
    int sessions,
    int rate,
    long durationMs,
    long warmupMs,
    Mix mix,
    int loops,
    int sourceAddresses,
    int connectRate,
    long idleMs,
    boolean reconnect,
    long questionTimeoutMs,
    long tickMicros)
{
    /**
     * Each user sends one event every {@code sessions / rate} seconds; a rage click's three clicks
     * must fall within the catalog's 5 s interval of each other, with room for jitter. Browsing
     * alone has no window, so a browse-only mix may hold many connections at a trickle.
     */
    static final double MAX_SECONDS_BETWEEN_EVENTS = 2.5;
    /** The server allows 50 messages per second per connection; stay well under it. */
    static final double MAX_EVENTS_PER_SESSION_SECOND = 40;
    static final int MAX_SOURCE_ADDRESSES = 65_534;

    /** @throws IllegalArgumentException naming the option that is wrong. */
    RunSettings check()
    {
        positive("--sessions", sessions);
        positive("--rate", rate);
        positive("--duration", durationMs);
        positive("--loops", loops);
        positive("--connect-rate", connectRate);
        positive("--idle-ms", idleMs);
        positive("--question-timeout", questionTimeoutMs);
        positive("--tick-us", tickMicros);
        if (warmupMs < 0)
        {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (sourceAddresses < 1 || sourceAddresses > MAX_SOURCE_ADDRESSES)
        {
            throw new IllegalArgumentException("--source-addresses must be in [1, " + MAX_SOURCE_ADDRESSES + "]: " + sourceAddresses);
        }
        final double secondsBetweenEvents = (double)sessions / rate;
        if (secondsBetweenEvents > MAX_SECONDS_BETWEEN_EVENTS && !mix.browseOnly())
        {
            throw new IllegalArgumentException(String.format(
                "--rate %d is too low for %d sessions: each would send an event every %.2f s, and the journeys need one " +
                "at least every %.1f s (a rage click's clicks must be 5 s apart at most): use --rate %d or more",
                rate, sessions, secondsBetweenEvents, MAX_SECONDS_BETWEEN_EVENTS, (long)Math.ceil(sessions / MAX_SECONDS_BETWEEN_EVENTS)));
        }
        if (1 / secondsBetweenEvents > MAX_EVENTS_PER_SESSION_SECOND)
        {
            throw new IllegalArgumentException(String.format(
                "--rate %d is too high for %d sessions: each would send %.1f events per second, over the %d the server allows " +
                "one connection with room to spare: use more --sessions", rate, sessions, 1 / secondsBetweenEvents,
                (int)MAX_EVENTS_PER_SESSION_SECOND));
        }
        return this;
    }

    private static void positive(final String option, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
    }

    /** The loops actually used: never more than there are sessions. */
    int effectiveLoops()
    {
        return Math.min(loops, sessions);
    }
}
