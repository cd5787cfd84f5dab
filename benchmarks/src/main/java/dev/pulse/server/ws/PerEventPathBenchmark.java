package dev.pulse.server.ws;

import java.io.IOException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;

/**
 * The server's whole per-event path without the network ({@link PerEventPath}): decode, the
 * session's Chronicle Map entry, recording, detectors and governor, journal hand-off, frames
 * encoded; a mixed stream over 4,096 sessions. Goal: under 2 µs and 0 B per event.
 */
public class PerEventPathBenchmark extends HotPathBenchmark
{
    private PerEventPath path;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        path = new PerEventPath();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        path.close();
    }

    /** One message: decode, seq rules, in-place session update, detectors, governor, journal hand-off, frames encoded. */
    @Benchmark
    public int onMessage()
    {
        return path.onMessage();
    }
}
