package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One server holding N connections with light traffic (run-e2e.sh's connections mode): its memory
 * idle, before the generator connected, and while holding them, from {@code conn.env}. In KB.
 */
record ConnectionsRun(
    String server,
    int connections,
    int rate,
    double openSockets,
    double idleRssKb,
    double heldRssKb,
    double idleRssAnonKb,
    double heldRssAnonKb,
    double idleRssFileKb,
    double heldRssFileKb,
    double idleHeapKb,
    double heldHeapKb,
    double idleNmtOtherKb,
    double heldNmtOtherKb,
    double idleNmtTotalKb,
    double heldNmtTotalKb)
{
    static ConnectionsRun read(final Path dir) throws IOException
    {
        final KeyValues conn = KeyValues.read(dir.resolve("conn.env"));
        return new ConnectionsRun(
            conn.text("server"),
            (int)conn.number("connections"),
            (int)conn.number("rate"),
            conn.number("open_sockets"),
            conn.number("idle_rss_kb"),
            conn.number("held_rss_kb"),
            conn.number("idle_rss_anon_kb"),
            conn.number("held_rss_anon_kb"),
            conn.number("idle_rss_file_kb"),
            conn.number("held_rss_file_kb"),
            conn.number("idle_heap_used_kb"),
            conn.number("held_heap_used_kb"),
            conn.number("idle_nmt_other_kb"),
            conn.number("held_nmt_other_kb"),
            conn.number("idle_nmt_total_kb"),
            conn.number("held_nmt_total_kb"));
    }

    /** KB per 10,000 connections of what grew from idle to held. */
    double per10k(final double idleKb, final double heldKb)
    {
        return (heldKb - idleKb) * 10_000 / connections;
    }
}
