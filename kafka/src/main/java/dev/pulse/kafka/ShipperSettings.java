package dev.pulse.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.pulse.journal.RecordId;

/**
 * What a {@link JournalShipper} needs: whose journal it is ({@code nodeId}, the first part of every
 * {@link RecordId}), where the journal and the durable offset live, the topic, and the client
 * properties (bootstrap servers and whatever {@code kafka_properties_file} adds: security, tuning),
 * which go on top of the shipper's own defaults ({@link ShipperProducerProperties}).
 *
 * @param nodeId           this node's id ({@link RecordId#NODE}).
 * @param journalDir       the journal's directory.
 * @param offsetFile       the durable offset ({@link dev.pulse.journal.TailOffsetFile}).
 * @param topic            the topic records go to.
 * @param clientProperties Kafka client properties: {@code bootstrap.servers} at least.
 * @param commitInterval   the least time between two writes of the offset (once a second by default).
 * @param backoffMax       the longest wait after a failure before trying again (it doubles from 100 ms).
 * @param maxInFlightRecords records sent and not yet acknowledged, at most; the shipper reads no further meanwhile.
 */
public record ShipperSettings(
    String nodeId,
    Path journalDir,
    Path offsetFile,
    String topic,
    Map<String, Object> clientProperties,
    Duration commitInterval,
    Duration backoffMax,
    int maxInFlightRecords)
{
    /** Writes of the offset: at most four a second. */
    /** Once a second: each write is a file written, forced and renamed; a crash resends at most a second of records. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** A failing Kafka is tried again at most every 10 s. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(10);
    /** Enough to keep batches full at 20,000 records/s with seconds of broker latency. */
    public static final int DEFAULT_MAX_IN_FLIGHT_RECORDS = 100_000;

    public ShipperSettings
    {
        Objects.requireNonNull(journalDir, "journalDir");
        Objects.requireNonNull(offsetFile, "offsetFile");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(backoffMax, "backoffMax");
        // Checked here too, so a shipper never writes a record id a consumer cannot parse.
        new RecordId(nodeId, 0, 0);
        clientProperties = Map.copyOf(clientProperties);
        if (maxInFlightRecords < 1)
        {
            throw new IllegalArgumentException("maxInFlightRecords is at least 1, not " + maxInFlightRecords);
        }
    }

    /** Settings with the default commit interval, backoff and in-flight limit. */
    public static ShipperSettings of(final String nodeId, final Path journalDir, final Path offsetFile, final String topic,
        final Map<String, Object> clientProperties)
    {
        return new ShipperSettings(nodeId, journalDir, offsetFile, topic, clientProperties, DEFAULT_COMMIT_INTERVAL, DEFAULT_BACKOFF_MAX,
            DEFAULT_MAX_IN_FLIGHT_RECORDS);
    }

    /** The same settings with {@code backoffMax} (tests shorten it). */
    public ShipperSettings withBackoffMax(final Duration backoffMax)
    {
        return new ShipperSettings(nodeId, journalDir, offsetFile, topic, clientProperties, commitInterval, backoffMax, maxInFlightRecords);
    }

    /** The offset file's name for {@code topic} in a data directory: one per topic, so a new topic is shipped from the start. */
    public static String offsetFileName(final String topic)
    {
        return "kafka-shipped-" + topic + ".offset";
    }
}
