package dev.pulse.server.ws;

import org.openjdk.jmh.annotations.Benchmark;

import dev.pulse.bench.HotPathBenchmark;

/**
 * The server's whole per-event path without the network ({@link PerEventPath}): decode, the
 * session's Chronicle Map entry, recording, detectors and governor, journal hand-off, frames
 * encoded; a mixed stream over 4,096 sessions. Goal: under 2 µs and 0 B per event.
 */
public class PerEventPathBenchmark extends HotPathBenchmark
{
    /** One message: decode, seq rules, in-place session update, detectors, governor, journal hand-off, frames encoded. */
    @Benchmark
    public int onMessage(final PerEventPath.Trial trial)
    {
        return trial.path.onMessage();
    }
}
