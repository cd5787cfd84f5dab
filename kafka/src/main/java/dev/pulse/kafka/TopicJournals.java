package dev.pulse.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.pulse.journal.RecordId;
import dev.pulse.journal.ShippedFrame;

/**
 * A topic of shipped journals ({@link ShippedRecords}) turned back into one journal directory per
 * node, so the cluster report reads Kafka through the same path as the nodes' own directories and
 * gives the same numbers by construction. One bounded pass ({@link TopicScan}); each record is
 * checked and then filed under its node by its {@code pulse-id} ({@link NodeRuns}); at the end each
 * node's records are written in its journal order, each record id once.
 *
 * <p>A poisoned record (no {@code pulse-id}, one that is not a {@link RecordId}, a value that is not
 * a whole frame, a frame whose CRC fails, a record type this version does not know, strings that do
 * not decode) is skipped and counted, never fatal: the topic is shared, and one bad producer must
 * not stop the report. Cost: the frames on disk about twice (runs, then journals) under the work
 * directory, which the caller deletes; memory a few buffers per node and partition.
 */
public final class TopicJournals
{
    /** The segment size of the journals written: the server's default. */
    private static final long SEGMENT_BYTES = 64L << 20;

    private final Path workDir;
    private final Map<String, NodeRuns> runsByNode = new TreeMap<>();
    private final ShippedFrame frames = new ShippedFrame();
    private long poisoned;
    private String firstPoison;

    private TopicJournals(final Path workDir)
    {
        this.workDir = workDir;
    }

    /**
     * Reads the topic into {@code workDir/node-<node>/journal}, one per node that shipped a record.
     *
     * @throws IOException when the topic cannot be read (no broker, no topic) or the work directory written.
     */
    public static TopicCopy read(final TopicSource source, final Path workDir) throws IOException
    {
        final TopicJournals journals = new TopicJournals(workDir);
        final long read = TopicScan.run(source, journals::onRecord);
        final List<String> nodes = new ArrayList<>(journals.runsByNode.keySet());
        final List<Path> journalDirs = new ArrayList<>(nodes.size());
        long duplicates = 0;
        for (final String node : nodes)
        {
            final Path journalDir = journals.nodeDir(node).resolve("journal");
            duplicates += journals.runsByNode.get(node).writeJournal(journalDir, SEGMENT_BYTES);
            journalDirs.add(journalDir);
        }
        return new TopicCopy(nodes, journalDirs, read, duplicates, journals.poisoned, journals.firstPoison);
    }

    private void onRecord(final ConsumerRecord<byte[], byte[]> record) throws IOException
    {
        final Header header = record.headers().lastHeader(ShippedRecords.ID_HEADER);
        if (header == null || header.value() == null)
        {
            poison(record, "no " + ShippedRecords.ID_HEADER + " header");
            return;
        }
        final RecordId id;
        try
        {
            id = RecordId.parse(new String(header.value(), StandardCharsets.UTF_8));
        }
        catch (final IllegalArgumentException ex)
        {
            poison(record, ex.getMessage());
            return;
        }
        final String problem = frames.problem(record.value());
        if (problem != null)
        {
            poison(record, problem);
            return;
        }
        NodeRuns runs = runsByNode.get(id.node());
        if (runs == null)
        {
            runs = new NodeRuns(nodeDir(id.node()).resolve("runs"));
            runsByNode.put(id.node(), runs);
        }
        runs.add(record.partition(), id.segment(), id.offset(), record.value());
    }

    /** A node's directory: prefixed, since a node id may be "." or "..". */
    private Path nodeDir(final String node)
    {
        return workDir.resolve("node-" + node);
    }

    private void poison(final ConsumerRecord<byte[], byte[]> record, final String problem)
    {
        poisoned++;
        if (firstPoison == null)
        {
            firstPoison = "partition " + record.partition() + " offset " + record.offset() + ": " + problem;
        }
    }
}
