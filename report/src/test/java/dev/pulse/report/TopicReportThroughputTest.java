package dev.pulse.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailPosition;
import dev.pulse.kafka.KafkaBroker;
import dev.pulse.kafka.ShippedRecords;
import dev.pulse.kafka.TopicCopy;
import dev.pulse.kafka.TopicJournals;
import dev.pulse.kafka.TopicSource;

import static dev.pulse.report.ReportTesting.GENERATED_AT;
import static dev.pulse.report.ReportTesting.NOV_24;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster report's speed from Kafka, for BENCHMARKS.md: {@link SyntheticTraffic} writes
 * {@code -Dpulse.report.topic.records} records (100,000 in the suite; {@code scripts/report-kafka.sh}
 * asks for a million), every one is produced to a six-partition topic of a real broker, then the
 * report reads the topic back ({@link TopicJournals}: consume, check, put in journal order) and makes
 * the report. Prints one line of figures; asserts only what was read, never a time.
 */
class TopicReportThroughputTest
{
    private static final long RECORDS = Long.getLong("pulse.report.topic.records", 100_000);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldReportATopicAsItsJournal() throws Exception
    {
        final long written;
        try (TestJournal journal = TestJournal.open(dir.resolve("node")))
        {
            written = SyntheticTraffic.write(journal, 18, NOV_24, RECORDS, (int)Math.max(1_000, RECORDS / 100),
                (int)Math.max(1, RECORDS / 5.6 / 1_440));
        }
        final Path journalDir = dir.resolve("node").resolve("journal");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka")))
        {
            createKeptTopic(broker, "pulse-journal", 6);
            produce(broker, journalDir);

            final long startNs = System.nanoTime();
            final TopicCopy copy = TopicJournals.read(new TopicSource(broker.bootstrap(), "pulse-journal", null, Long.MIN_VALUE,
                Long.MAX_VALUE, Map.of()), dir.resolve("copy"));
            final long copiedNs = System.nanoTime();
            final Report fromTopic = JournalReportReader.read(copy.journalDirs(), List.of(), ReportRange.ALL, GENERATED_AT);
            final long reportedNs = System.nanoTime();
            final Report fromJournal = JournalReportReader.read(List.of(journalDir), List.of(), ReportRange.ALL, GENERATED_AT);

            System.out.printf("report-kafka: records %d, read and put in order %.2f s, report %.2f s, %.0f records/s end to end "
                    + "(%.0f records/s for the topic read alone)%n", copy.recordsRead(), (copiedNs - startNs) / 1e9,
                (reportedNs - copiedNs) / 1e9, copy.recordsRead() / ((reportedNs - startNs) / 1e9),
                copy.recordsRead() / ((copiedNs - startNs) / 1e9));
            assertThat(copy.recordsRead()).isEqualTo(written);
            assertThat(copy.duplicates()).isZero();
            assertThat(copy.poisoned()).isZero();
            assertThat(fromTopic.totals()).isEqualTo(fromJournal.totals());
        }
    }

    /** Waits for the sends: a record the broker refused fails the run rather than shrinking it. */
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

    private static void awaitAll(final List<Future<RecordMetadata>> sends) throws Exception
    {
        for (final Future<RecordMetadata> send : sends)
        {
            send.get(120, TimeUnit.SECONDS);
        }
        sends.clear();
    }

    private static void produce(final KafkaBroker broker, final Path journalDir) throws Exception
    {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
            JournalTail tail = JournalTail.open(journalDir, TailPosition.START))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            final List<Future<RecordMetadata>> sends = new ArrayList<>();
            while (tail.poll(record))
            {
                final byte[] frame = new byte[tail.frameLength()];
                tail.frameBuffer().getBytes(tail.frameOffset(), frame);
                final ProducerRecord<byte[], byte[]> shipped = new ProducerRecord<>("pulse-journal", null, record.timestampMs(),
                    ShippedRecords.key(record.sidHi(), record.sidLo(), "node-0"), frame);
                shipped.headers().add(ShippedRecords.ID_HEADER,
                    new RecordId("node-0", tail.recordSegment(), tail.recordOffset()).toString().getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(shipped));
                if (sends.size() >= 10_000)
                {
                    awaitAll(sends);
                }
            }
            producer.flush();
            awaitAll(sends);
        }
    }
}
