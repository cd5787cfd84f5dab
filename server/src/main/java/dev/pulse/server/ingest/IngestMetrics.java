package dev.pulse.server.ingest;

import java.util.concurrent.atomic.LongAdder;

import dev.pulse.server.metrics.Metrics;

/** The ingest's series, declared whether or not the route is on (0 without {@code ingest_keys_file}). Thread-safe. */
public final class IngestMetrics
{
    final LongAdder applied = new LongAdder();
    final LongAdder kept = new LongAdder();
    final LongAdder refused = new LongAdder();

    public IngestMetrics(final Metrics metrics)
    {
        metrics.counter("pulse_ingest_applied_total", "Backend events applied to a connected session at once.", applied::sum);
        metrics.counter("pulse_ingest_kept_total", "Backend events kept for a session not connected, until it comes back.", kept::sum);
        metrics.counter("pulse_ingest_refused_total", "Backend event requests refused (4xx, 503).", refused::sum);
    }
}
