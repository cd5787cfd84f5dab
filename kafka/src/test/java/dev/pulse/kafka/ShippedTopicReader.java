package dev.pulse.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every record of a topic from the start, for tests of the shipper: plain assignment of
 * every partition, no group, read until a condition on what was read holds or a deadline passes.
 */
public final class ShippedTopicReader
{
    /** One record as it lies on the topic. */
    public record Shipped(String id, String key, int partition, long offset, byte[] value)
    {
    }

    private ShippedTopicReader()
    {
    }

    /** Reads {@code topic} from the start until {@code done} holds of everything read, or {@code timeout} passes. */
    public static List<Shipped> readUntil(final String bootstrap, final String topic, final Predicate<List<Shipped>> done,
        final Duration timeout)
    {
        final List<Shipped> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final long deadline = System.nanoTime() + timeout.toNanos();
            final List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline)
            {
                // The shipper may not have created the topic yet.
                for (final PartitionInfo info : consumer.partitionsFor(topic, timeout))
                {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                sleep(partitions.isEmpty() ? 200 : 0);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(read) && System.nanoTime() < deadline)
            {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500)))
                {
                    read.add(shipped(record));
                }
            }
        }
        return read;
    }

    /**
     * Reads all of {@code topic} as it stands now: every partition from its start to the end offset
     * it has when the read begins (every copy written, acknowledged to its producer or not: a batch
     * whose delivery timed out at the producer may still be in the log). For a topic no one writes to.
     */
    public static List<Shipped> readAll(final String bootstrap, final String topic, final Duration timeout)
    {
        final List<Shipped> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(topic, timeout))
            {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition)))
            {
                if (System.nanoTime() > deadline)
                {
                    throw new IllegalStateException("the topic " + topic + " was not read to its end offsets " + ends + " in " + timeout);
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500)))
                {
                    read.add(shipped(record));
                }
            }
        }
        return read;
    }

    private static Shipped shipped(final ConsumerRecord<byte[], byte[]> record)
    {
        final Header id = record.headers().lastHeader(ShippedRecords.ID_HEADER);
        return new Shipped(id == null ? null : new String(id.value(), StandardCharsets.UTF_8),
            new String(record.key(), StandardCharsets.UTF_8), record.partition(), record.offset(), record.value());
    }

    private static void sleep(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** How many distinct record ids {@code read} holds. */
    public static long distinctIds(final List<Shipped> read)
    {
        return read.stream().map(Shipped::id).distinct().count();
    }
}
