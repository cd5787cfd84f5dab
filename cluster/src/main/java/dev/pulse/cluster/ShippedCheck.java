package dev.pulse.cluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import dev.pulse.kafka.ShippedRecords;

/**
 * Every acked record of every node in Kafka exactly once, counted by record id: reads the whole
 * topic (plain assignment of every partition, from the beginning, no consumer group) and counts
 * each {@code pulse-id} header; {@link #compare} holds the counts against the ids of the nodes'
 * journals. A resend puts an id in the topic twice; a consumer drops the copy by id, so a
 * duplicate is counted, not failed. A journal id missing from the topic, or an id in the topic no
 * journal holds, fails.
 */
final class ShippedCheck implements AutoCloseable
{
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Map<String, Integer> copiesById = new HashMap<>();
    private long records;
    private long withoutId;
    private boolean assigned;

    ShippedCheck(final String bootstrap, final String topic)
    {
        final Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Reads on until every partition's end, as it was when called. */
    void catchUp()
    {
        if (!assigned)
        {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(60)))
            {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = true;
        }
        final Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(60));
        while (!reached(ends))
        {
            for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL))
            {
                count(record);
            }
        }
    }

    private boolean reached(final Map<TopicPartition, Long> ends)
    {
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet())
        {
            if (consumer.position(end.getKey(), Duration.ofSeconds(60)) < end.getValue())
            {
                return false;
            }
        }
        return true;
    }

    private void count(final ConsumerRecord<byte[], byte[]> record)
    {
        records++;
        final Header id = record.headers().lastHeader(ShippedRecords.ID_HEADER);
        if (id == null)
        {
            withoutId++;
            return;
        }
        copiesById.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
    }

    /** The topic's records against the journals' ids. */
    Comparison compare(final Collection<String> journalIds)
    {
        long missing = 0;
        final List<String> examples = new ArrayList<>();
        for (final String id : journalIds)
        {
            if (!copiesById.containsKey(id) && missing++ < 5)
            {
                examples.add("missing from the topic: " + id);
            }
        }
        final Set<String> known = journalIds instanceof Set<String> set ? set : Set.copyOf(journalIds);
        long unknown = 0;
        long duplicates = 0;
        for (final Map.Entry<String, Integer> copies : copiesById.entrySet())
        {
            duplicates += copies.getValue() - 1;
            if (!known.contains(copies.getKey()) && unknown++ < 5)
            {
                examples.add("in the topic, in no journal: " + copies.getKey());
            }
        }
        return new Comparison(journalIds.size(), records, copiesById.size(), duplicates, missing, unknown, withoutId, examples);
    }

    @Override
    public void close()
    {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    }

    /**
     * @param journalRecords records in the nodes' journals.
     * @param topicRecords   records in the topic, copies included.
     * @param distinct       distinct record ids in the topic.
     * @param duplicates     copies a consumer drops by id.
     * @param missing        journal records not in the topic.
     * @param unknown        ids in the topic that no journal holds.
     * @param withoutId      topic records with no {@code pulse-id} header.
     */
    record Comparison(long journalRecords, long topicRecords, long distinct, long duplicates, long missing, long unknown,
        long withoutId, List<String> examples)
    {
        boolean ok()
        {
            return journalRecords > 0 && missing == 0 && unknown == 0 && withoutId == 0;
        }

        void print(final PrintStream out)
        {
            out.printf("kafka: %d records in the journals, %d in the topic (%d distinct ids, %d duplicates dropped by id), " +
                "missing %d, unknown %d, without an id %d%n", journalRecords, topicRecords, distinct, duplicates, missing, unknown, withoutId);
            examples.forEach(example -> out.println("kafka:   " + example));
        }
    }
}
