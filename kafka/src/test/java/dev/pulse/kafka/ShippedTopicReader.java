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
                    final Header id = record.headers().lastHeader(ShippedRecords.ID_HEADER);
                    read.add(new Shipped(id == null ? null : new String(id.value(), StandardCharsets.UTF_8),
                        new String(record.key(), StandardCharsets.UTF_8), record.partition(), record.offset(), record.value()));
                }
            }
        }
        return read;
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
