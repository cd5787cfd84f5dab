package dev.pulse.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One bounded pass over every partition of a topic: each partition from the first offset at or
 * after {@link TopicSource#seekMs()} ({@code offsetsForTimes}; the beginning without a range) up to
 * the end offset it had when the pass started, so the pass ends however fast the nodes keep
 * shipping; a partition is also done at its first record stamped past {@link TopicSource#stopMs()}.
 * A partition whose records retention deletes under the pass fails it (no silent jump over them).
 * Under a consumer group the offset after the last record read of each partition is committed at the end. Records are handed to the
 * sink in each partition's order (partitions interleave). Blocks on the network: a command's thread only.
 */
final class TopicScan
{
    /** A consumer of the raw key and value of each record. */
    interface Sink
    {
        void onRecord(ConsumerRecord<byte[], byte[]> record) throws java.io.IOException;
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA = Duration.ofSeconds(60);

    private TopicScan()
    {
    }

    /** Reads the topic into {@code sink}; returns how many records were read. */
    static long run(final TopicSource source, final Sink sink) throws java.io.IOException
    {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(source)))
        {
            final List<PartitionInfo> infos = consumer.partitionsFor(source.topic(), METADATA);
            if (infos == null || infos.isEmpty())
            {
                throw new java.io.IOException("topic " + source.topic() + " has no partitions on " + source.bootstrap() + " (does it exist?)");
            }
            final List<TopicPartition> partitions = new ArrayList<>(infos.size());
            for (final PartitionInfo info : infos)
            {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            final Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, METADATA);
            seekToRange(consumer, source, partitions, endOffsets);
            final Set<TopicPartition> open = new HashSet<>();
            for (final TopicPartition partition : partitions)
            {
                if (consumer.position(partition, METADATA) < endOffsets.get(partition))
                {
                    open.add(partition);
                }
                else
                {
                    consumer.pause(List.of(partition));
                }
            }
            final Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
            final long read = poll(consumer, source, endOffsets, open, sink, reached);
            if (source.group() != null && !reached.isEmpty())
            {
                consumer.commitSync(reached, METADATA);
            }
            return read;
        }
        catch (final org.apache.kafka.clients.consumer.InvalidOffsetException ex)
        {
            throw new java.io.IOException("records of topic " + source.topic() + " were deleted (retention) while the report read them, at "
                + ex.partitions() + ": run it again, or keep the topic longer", ex);
        }
        catch (final org.apache.kafka.common.KafkaException ex)
        {
            throw new java.io.IOException("reading topic " + source.topic() + " from " + source.bootstrap() + ": " + ex.getMessage(), ex);
        }
    }

    private static long poll(final KafkaConsumer<byte[], byte[]> consumer, final TopicSource source,
        final Map<TopicPartition, Long> endOffsets, final Set<TopicPartition> open, final Sink sink,
        final Map<TopicPartition, OffsetAndMetadata> reached) throws java.io.IOException
    {
        long read = 0;
        final List<TopicPartition> done = new ArrayList<>();
        while (!open.isEmpty())
        {
            final ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            for (final TopicPartition partition : open)
            {
                final long endOffset = endOffsets.get(partition);
                boolean finished = false;
                for (final ConsumerRecord<byte[], byte[]> record : batch.records(partition))
                {
                    if (record.offset() >= endOffset || record.timestamp() > source.stopMs())
                    {
                        finished = true;
                        break;
                    }
                    sink.onRecord(record);
                    read++;
                    reached.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                if (finished || consumer.position(partition, METADATA) >= endOffset)
                {
                    done.add(partition);
                }
            }
            // A done partition stops fetching: what was shipped after the pass began is the next report's.
            consumer.pause(done);
            done.forEach(open::remove);
            done.clear();
        }
        return read;
    }

    private static void seekToRange(final KafkaConsumer<byte[], byte[]> consumer, final TopicSource source,
        final List<TopicPartition> partitions, final Map<TopicPartition, Long> endOffsets)
    {
        final long seekMs = source.seekMs();
        if (seekMs == Long.MIN_VALUE)
        {
            consumer.seekToBeginning(partitions);
            return;
        }
        final Map<TopicPartition, Long> times = new HashMap<>();
        for (final TopicPartition partition : partitions)
        {
            times.put(partition, Math.max(0, seekMs));
        }
        final Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, METADATA);
        for (final TopicPartition partition : partitions)
        {
            final OffsetAndTimestamp at = found.get(partition);
            // No record at or after the time: the partition has nothing of the range.
            consumer.seek(partition, at == null ? endOffsets.get(partition) : at.offset());
        }
    }

    private static Properties properties(final TopicSource source)
    {
        final Properties properties = new Properties();
        properties.putAll(source.clientProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrap());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Never jump: a position that retention deleted under the pass fails the report instead of shrinking it.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-report");
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        if (source.group() != null)
        {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, source.group());
        }
        return properties;
    }
}
