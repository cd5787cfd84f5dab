package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;
import dev.pulse.kafka.KafkaBroker;
import dev.pulse.kafka.ShippingAwait;
import dev.pulse.kafka.ShippedTopicReader;
import dev.pulse.kafka.ShipperSettings;
import dev.pulse.server.PulseMain;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server shipping its journal to a real broker: every record arrives, by record id; with the
 * broker stopped the clients' messages are still acked (the event loops never wait on Kafka) and
 * retention keeps every unshipped segment, even across a restart whose upkeep pass runs at once;
 * with the broker back everything is shipped and retention deletes the old segments. A topic Kafka
 * says is unfit, and another node's data directory, refuse the start with exit 2.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class JournalShippingEndToEndTest
{
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String CAPTURE = "  capture_events: true";
    private static KafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker(@TempDir final Path brokerDir) throws Exception
    {
        broker = KafkaBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker()
    {
        if (broker != null)
        {
            broker.close();
        }
    }

    private static TestServer server(final Path at, final String node, final String topic, final UnaryOperator<ServerConfigBuilder> more)
        throws Exception
    {
        return new TestServer(at, builder -> more.apply(builder.nodeId(node).kafkaBootstrap(broker.bootstrap()).kafkaTopic(topic)
            .messagesPerSecond(1_000_000).messageBurst(1_000_000).maxRejectedMessages(1_000_000)),
            catalog -> catalog.replace("  origins: [http://localhost, http://127.0.0.1]", "  origins: [http://localhost, http://127.0.0.1]\n" + CAPTURE));
    }

    @Test
    void shouldShipEveryRecordKeepAckingWhileKafkaIsDownAndKeepUnshippedSegmentsFromRetention() throws Exception
    {
        final Path at = dir.resolve("a");
        final TestServer server = server(at, "node-a", "served", builder -> builder.journalSegmentBytes(4096).journalRetentionBytes(8192));
        try
        {
            send(server, 150);
            ShippingAwait.until(() -> server.metric("pulse_kafka_lag_records") == 0 && server.metric("pulse_kafka_shipped_records_total") >= 150,
                "the first records shipped", WAIT);

            broker.stop();
            // Acked while Kafka is down: the event loops never wait on it.
            send(server, 400);
            ShippingAwait.until(() -> server.metric("pulse_kafka_lag_records") >= 400, "the lag to count what Kafka has not taken", WAIT);
            assertThat(server.metric("pulse_kafka_lag_bytes")).isPositive();
            final Set<String> written = journalIds(server.dataDir().resolve("journal"), TailPosition.START);
            final long segmentsBefore = segments(server);
            assertThat(segmentsBefore).as("enough segments for retention to want some gone").isGreaterThan(4);

            // A restart runs the upkeep's first pass at once: the shipper's hold must already be there.
            server.restart();
            final TailPosition offset = new TailOffsetFile(at.resolve("data").resolve(ShipperSettings.offsetFileName("served"))).read();
            final Set<String> kept = journalIds(server.dataDir().resolve("journal"), offset);
            // Retention may delete the shipped segments below the offset, never one after it (journalIds: no segment skipped).
            final long segmentsKept = segments(server);
            assertThat(segmentsKept).as("retention over its bytes limit, held back by the shipper").isGreaterThan(2);
            assertThat(kept).as("every record written after the shipped offset").containsAll(written.stream()
                .filter(id -> afterOrAt(id, offset)).toList());
            assertThat(kept.size()).as("every record after the shipped offset still on disk").isGreaterThanOrEqualTo(400);

            broker.startAgain();
            ShippingAwait.until(() -> server.metric("pulse_kafka_lag_records") == 0, "shipping to catch up", WAIT);
            server.restart();
            ShippingAwait.until(() -> segments(server) < segmentsKept, "retention to delete what is shipped", WAIT);

            final List<ShippedTopicReader.Shipped> read = ShippedTopicReader.readUntil(broker.bootstrap(), "served",
                records -> records.stream().map(ShippedTopicReader.Shipped::id).collect(Collectors.toSet()).containsAll(written),
                WAIT);
            final Set<String> shipped = new HashSet<>();
            read.forEach(record -> shipped.add(record.id()));
            assertThat(shipped).as("every record of the journal in Kafka").containsAll(written);
            assertThat(shipped).allMatch(id -> id.startsWith("node-a/"));
        }
        finally
        {
            server.close();
        }
    }

    @Test
    void shouldRefuseToStartOnATopicWithTooFewPartitionsOrACompactingPolicy() throws Exception
    {
        broker.createTopic("one-partition", 1);
        broker.admin().createTopics(List.of(new NewTopic("compacted", Optional.of(6), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();

        assertThatThrownBy(() -> server(dir.resolve("few"), "node-a", "one-partition", builder -> builder))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("kafka_topic: the Kafka topic one-partition has 1 partition; Pulse ships to a topic of at least 3");
        assertThatThrownBy(() -> server(dir.resolve("compact"), "node-a", "compacted", builder -> builder))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("kafka_topic: the Kafka topic compacted has cleanup.policy=compact; Pulse ships to a topic with "
                + "cleanup.policy=delete");
    }

    @Test
    void shouldRefuseAnotherNodesDataDirectoryWithExitStatus2() throws Exception
    {
        final Path data = dir.resolve("data");
        new TestServer(dir, builder -> builder.nodeId("node-a")).close();
        assertThat(data.resolve("node-id")).hasContent("node-a");

        final Process process = ServerProcess.start(data, "--node-id", "node-b");
        final String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(output).contains("belongs to node 'node-a' (its node-id file), not to this node 'node-b'");

        final Process bad = ServerProcess.start(dir.resolve("other"), "--node-id", "node/b");
        final String badOutput = new String(bad.getInputStream().readAllBytes());
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).as(badOutput).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(badOutput).contains("node_id: 'node/b' is not a node id");
    }

    /** {@code count} captured events on one connection, the last acked. */
    private static void send(final TestServer server, final int count) throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.hello(null);
            long last = 0;
            for (int i = 0; i < count; i++)
            {
                last = client.send("active");
            }
            client.awaitAck(last);
        }
    }

    private static boolean afterOrAt(final String id, final TailPosition offset)
    {
        final RecordId recordId = RecordId.parse(id);
        return new TailPosition(recordId.segment(), recordId.offset()).compareTo(offset) >= 0;
    }

    private static long segments(final TestServer server) throws Exception
    {
        try (Stream<Path> files = Files.list(server.dataDir().resolve("journal")))
        {
            return files.filter(file -> file.getFileName().toString().endsWith(".journal")).count();
        }
    }

    /** The ids of the records in a journal from {@code from} on. */
    private static Set<String> journalIds(final Path journal, final TailPosition from) throws Exception
    {
        final Set<String> ids = new HashSet<>();
        try (JournalTail tail = JournalTail.open(journal, from))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (tail.poll(record))
            {
                ids.add("node-a/" + tail.recordSegment() + "/" + tail.recordOffset());
            }
            assertThat(tail.skippedSegments()).as("no segment deleted under the tail").isZero();
        }
        return ids;
    }
}
