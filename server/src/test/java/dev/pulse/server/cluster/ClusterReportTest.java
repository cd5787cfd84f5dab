package dev.pulse.server.cluster;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.RecordId;
import dev.pulse.kafka.KafkaBroker;
import dev.pulse.kafka.ShippedRecords;
import dev.pulse.kafka.TopicCopy;
import dev.pulse.kafka.TopicJournals;
import dev.pulse.kafka.TopicSource;
import dev.pulse.report.JournalReportReader;
import dev.pulse.report.Report;
import dev.pulse.report.ReportFormat;
import dev.pulse.report.ReportRange;
import dev.pulse.server.PulseMain;
import dev.pulse.server.replay.Replay;

import static dev.pulse.report.ReportTesting.GENERATED_AT;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One report for the cluster (issue 18, item 4), record for record: three nodes' journals reported
 * as three directories, as one journal holding all their records, and from Kafka after every record
 * was produced to a topic in {@link ShippedRecords}' format (some twice) give the same JSON report
 * and the same replay tallies; poisoned records in the topic change nothing but their count.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterReportTest
{
    private static final int SESSIONS = 1_500;
    private static final String CLEAN = "clean";
    private static final String POISONED = "poisoned";

    @TempDir
    static Path dir;

    private static KafkaBroker broker;
    private static List<Path> nodes;
    private static Path merged;

    @BeforeAll
    static void writeJournalsAndTopics() throws Exception
    {
        nodes = ThreeNodeJournals.write(dir.resolve("cluster"), NOV_24, SESSIONS, 18);
        merged = dir.resolve("cluster").resolve("merged");
        broker = KafkaBroker.start(dir.resolve("kafka"));
        createKeptTopic(broker, CLEAN, 3);
        createKeptTopic(broker, POISONED, 3);
        try (KafkaProducer<byte[], byte[]> producer = producer())
        {
            produceAll(producer, CLEAN);
            produceAll(producer, POISONED);
            producePoison(producer, POISONED);
            producer.flush();
        }
    }

    @AfterAll
    static void stopBroker()
    {
        if (broker != null)
        {
            broker.close();
        }
    }

    @Test
    void threeDirectoriesReportAsTheMergedJournal() throws Exception
    {
        final String cluster = json(journalDirs(nodes));
        final String one = json(List.of(merged.resolve("journal")));

        assertThat(cluster).isEqualTo(one);
        // A session with records on two nodes is one session; the erased one is none.
        final Report report = JournalReportReader.read(journalDirs(nodes), List.of(), ReportRange.ALL, GENERATED_AT);
        assertThat(report.totals().sessions()).isEqualTo(SESSIONS - 1);
    }

    @Test
    void theTopicReportsAsTheDirectoriesWithDuplicatesDropped() throws Exception
    {
        final TopicCopy copy = TopicJournals.read(source(CLEAN), dir.resolve("copy-clean"));

        assertThat(copy.nodes()).containsExactly("node-0", "node-1", "node-2");
        assertThat(copy.duplicates()).isEqualTo(resent);
        assertThat(copy.poisoned()).isZero();
        assertThat(json(copy.journalDirs())).isEqualTo(json(journalDirs(nodes)));
        assertThat(replay(copy.journalDirs())).isEqualTo(replay(journalDirs(nodes))).isEqualTo(replay(List.of(merged.resolve("journal"))));
    }

    @Test
    void poisonedRecordsAreSkippedAndCounted() throws Exception
    {
        final TopicCopy copy = TopicJournals.read(source(POISONED), dir.resolve("copy-poisoned"));

        assertThat(copy.poisoned()).isEqualTo(POISONS);
        // Which poisoned record is met first depends on the order partitions are fetched in.
        assertThat(copy.firstPoison()).matches("partition \\d offset \\d+: .+");
        assertThat(json(copy.journalDirs())).isEqualTo(json(journalDirs(nodes)));
    }

    @Test
    void theReportCommandReadsTheTopicAndTheDirectoriesAlike()
    {
        final StringWriter fromDirs = new StringWriter();
        final List<String> dirArgs = new ArrayList<>(List.of("report", "--format", "json"));
        for (final Path node : nodes)
        {
            dirArgs.add("--data");
            dirArgs.add(node.toString());
        }
        assertThat(run(fromDirs, new StringWriter(), dirArgs.toArray(String[]::new))).isZero();
        final StringWriter fromTopic = new StringWriter();
        final StringWriter err = new StringWriter();

        final int status = run(fromTopic, err, "report", "--kafka", broker.bootstrap(), "--topic", POISONED, "--group", "report-test",
            "--format", "json");

        assertThat(status).isZero();
        assertThat(withoutGeneratedAt(fromTopic.toString())).isEqualTo(withoutGeneratedAt(fromDirs.toString()));
        assertThat(err.toString()).contains("pulse report: skipped " + POISONS + " poisoned records of topic " + POISONED,
            resent + " duplicates dropped");
    }

    @Test
    void theReportOfADayFromTheTopicIsTheDirectoriesReportOfThatDay() throws Exception
    {
        final ReportRange day = ReportRange.parse("2026-11-24", "2026-11-24");
        final TopicSource source = new TopicSource(broker.bootstrap(), CLEAN, null, day.fromMs(), day.toMs(), Map.of());
        final TopicCopy copy = TopicJournals.read(source, dir.resolve("copy-day"));

        assertThat(json(copy.journalDirs(), day)).isEqualTo(json(journalDirs(nodes), day));
    }

    @Test
    void theReplayCommandReadsSeveralDirectoriesAsOne() throws Exception
    {
        final Path catalog = dir.resolve("demo-catalog.yaml");
        java.nio.file.Files.writeString(catalog, new CatalogLoader().loadDemo().catalog().sourceText());
        final StringWriter out = new StringWriter();
        final List<String> args = new ArrayList<>(List.of("replay", "--catalog", catalog.toString()));
        for (final Path node : nodes)
        {
            args.add("--data");
            args.add(node.toString());
        }

        final int status = run(out, new StringWriter(), args.toArray(String[]::new));

        assertThat(status).isZero();
        // The first line names the catalog by its path; the tallies follow.
        assertThat(out.toString()).startsWith("Replayed " + 2 * (SESSIONS - 1) + " captured events through " + catalog);
        assertThat(afterFirstLine(out.toString()))
            .isEqualTo(afterFirstLine(new Replay(new CatalogLoader().loadDemo().catalog()).run(journalDirs(nodes)).report()));
    }

    @Test
    void theReportRefusesBothDirectoriesAndATopic()
    {
        final StringWriter err = new StringWriter();

        final int status = run(new StringWriter(), err, "report", "--kafka", broker.bootstrap(), "--data", nodes.get(0).toString());

        assertThat(status).isEqualTo(PulseMain.EXIT_USAGE);
        assertThat(err.toString()).contains("pulse report: give --data or --kafka, not both");
    }

    @Test
    void aTopicThatDoesNotExistIsAClearFailure()
    {
        final StringWriter err = new StringWriter();

        final int status = run(new StringWriter(), err, "report", "--kafka", broker.bootstrap(), "--topic", "nowhere", "--format", "json");

        assertThat(status).isEqualTo(PulseMain.EXIT_FAILURE);
        assertThat(err.toString()).contains("pulse report: the journal could not be read:", "nowhere");
    }

    // ---- helpers

    /**
     * A topic whose records are never deleted for their age: the fixtures' records are stamped with
     * their own (past) times, which the broker's time retention would otherwise delete mid-test.
     */
    private static void createKeptTopic(final KafkaBroker broker, final String topic, final int partitions) throws Exception
    {
        try (org.apache.kafka.clients.admin.Admin admin = broker.admin())
        {
            admin.createTopics(java.util.Set.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short)1)
                .configs(Map.of("retention.ms", "-1")))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static final int POISONS = 6;
    private static long resent;

    private static void produceAll(final KafkaProducer<byte[], byte[]> producer, final String topic) throws Exception
    {
        long again = 0;
        for (int node = 0; node < nodes.size(); node++)
        {
            final String nodeId = "node-" + node;
            final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            ThreeNodeJournals.forEachRecord(nodes.get(node).resolve("journal"), (id, frame, record) ->
                records.add(shipped(topic, nodeId, id, frame, record)));
            for (final ProducerRecord<byte[], byte[]> record : records)
            {
                producer.send(record);
            }
            // A shipper that restarted from an older offset: the last 500 records of the node, again.
            for (final ProducerRecord<byte[], byte[]> record : records.subList(records.size() - 500, records.size()))
            {
                producer.send(record);
                again++;
            }
        }
        resent = again;
    }

    private static ProducerRecord<byte[], byte[]> shipped(final String topic, final String node, final RecordId id, final byte[] frame,
        final JournalRecordFlyweight record)
    {
        final ProducerRecord<byte[], byte[]> shipped = new ProducerRecord<>(topic, null, record.timestampMs(),
            ShippedRecords.key(record.sidHi(), record.sidLo(), node), frame);
        shipped.headers().add(ShippedRecords.ID_HEADER,
            new RecordId(node, id.segment(), id.offset()).toString().getBytes(StandardCharsets.UTF_8));
        return shipped;
    }

    /** No header, a header that is no record id, a value that is no frame, a bad CRC, an unknown type, strings that do not decode. */
    private static void producePoison(final KafkaProducer<byte[], byte[]> producer, final String topic) throws Exception
    {
        final byte[] good = ThreeNodeJournals.framesOf(nodes.get(0).resolve("journal")).get(5).bytes();
        producer.send(new ProducerRecord<>(topic, 0, NOV_24, "k".getBytes(StandardCharsets.UTF_8), good));
        producer.send(poison(topic, "node-0/not-a-number/1", good));
        producer.send(poison(topic, "node-0/99/1", "hello".getBytes(StandardCharsets.UTF_8)));
        final byte[] badCrc = good.clone();
        badCrc[20] ^= 1;
        producer.send(poison(topic, "node-0/99/2", badCrc));
        final byte[] unknownType = good.clone();
        ByteBuffer.wrap(unknownType).order(ByteOrder.LITTLE_ENDIAN).putShort(4, (short)999);
        producer.send(poison(topic, "node-0/99/3", withCrc(unknownType)));
        final byte[] badStrings = good.clone();
        // The string count says far more strings than the record holds.
        ByteBuffer.wrap(badStrings).order(ByteOrder.LITTLE_ENDIAN).putShort(8 + JournalRecordFlyweight.STRING_COUNT_OFFSET, (short)500);
        producer.send(poison(topic, "node-0/99/4", withCrc(badStrings)));
    }

    private static ProducerRecord<byte[], byte[]> poison(final String topic, final String id, final byte[] value)
    {
        final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 1, NOV_24, "k".getBytes(StandardCharsets.UTF_8), value);
        record.headers().add(ShippedRecords.ID_HEADER, id.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static byte[] withCrc(final byte[] frame)
    {
        final CRC32C crc = new CRC32C();
        crc.update(frame, 4, frame.length - 8);
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length - 4, (int)crc.getValue());
        return frame;
    }

    private static KafkaProducer<byte[], byte[]> producer()
    {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private static TopicSource source(final String topic)
    {
        return new TopicSource(broker.bootstrap(), topic, null, Long.MIN_VALUE, Long.MAX_VALUE, Map.of());
    }

    private static List<Path> journalDirs(final List<Path> dataDirs)
    {
        return dataDirs.stream().map(data -> data.resolve("journal")).toList();
    }

    private static String json(final List<Path> journalDirs) throws Exception
    {
        return json(journalDirs, ReportRange.ALL);
    }

    private static String json(final List<Path> journalDirs, final ReportRange range) throws Exception
    {
        final Report report = JournalReportReader.read(journalDirs, List.of(), range, GENERATED_AT);
        final StringWriter out = new StringWriter();
        ReportFormat.JSON.write(report, out);
        return out.toString();
    }

    private static String replay(final List<Path> journalDirs) throws Exception
    {
        final Replay replay = new Replay(new CatalogLoader().loadDemo().catalog()).run(journalDirs);
        // Two page views a session, the erased session's left out.
        assertThat(replay.rawEvents()).isEqualTo(2L * (SESSIONS - 1));
        return replay.report() + replay.replayedDecisions();
    }

    private static String afterFirstLine(final String text)
    {
        return text.substring(text.indexOf('\n') + 1);
    }

    private static String withoutGeneratedAt(final String json)
    {
        return json.replaceAll("\"generated_at\" *: *\"[^\"]*\"", "");
    }

    private static int run(final StringWriter out, final StringWriter err, final String... args)
    {
        final CommandLine commandLine = PulseMain.commandLine(config ->
        {
            throw new AssertionError("no server");
        }, Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return PulseMain.execute(commandLine, args);
    }
}
