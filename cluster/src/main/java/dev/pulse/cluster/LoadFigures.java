package dev.pulse.cluster;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clients' side of the drill, from the load generator's {@code summary.json}: how many events
 * went out, how many lost connections were served again and how long each waited (the reconnect
 * gap: from the loss to the next welcome, failed attempts included), and how many visitors were
 * never served again before the run ended.
 *
 * @param eventsSent        events the visitors sent.
 * @param questions         questions the visitors received.
 * @param reconnects        lost connections served again (a welcome after the loss).
 * @param resumed           of them, welcomes that resumed the session.
 * @param servedAgain       lost connections whose visitor was welcomed again (by a resumed session or a new one).
 * @param neverBack         visitors with a lost connection and no welcome since when the run ended.
 * @param gapP50Ms          the median reconnect gap.
 * @param gapP99Ms          its 99th percentile.
 * @param gapMaxMs          the longest any visitor waited.
 */
record LoadFigures(long eventsSent, long questions, long reconnects, long resumed, long servedAgain, long neverBack, long gapP50Ms,
    long gapP99Ms, long gapMaxMs)
{
    static LoadFigures read(final Path summary) throws IOException
    {
        final JsonNode root = new ObjectMapper().readTree(summary.toFile());
        final JsonNode correctness = root.path("correctness");
        final JsonNode gap = correctness.path("reconnect_gap_us");
        if (gap.isMissingNode())
        {
            throw new IOException(summary + " has no reconnect_gap_us: a load generator older than the drill");
        }
        return new LoadFigures(root.path("events_sent").asLong(), correctness.path("questions_received").asLong(),
            correctness.path("reconnects").asLong(), correctness.path("resumed").asLong(), gap.path("count").asLong(), correctness.path("never_back").asLong(),
            gap.path("p50").asLong() / 1_000, gap.path("p99").asLong() / 1_000, gap.path("max").asLong() / 1_000);
    }
}
