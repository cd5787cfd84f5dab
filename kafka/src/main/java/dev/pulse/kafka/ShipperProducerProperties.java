package dev.pulse.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The shipper's producer and admin client properties: its defaults, with the operator's
 * ({@code kafka_properties_file}: security, tuning) on top.
 * <ul>
 *   <li>{@code enable.idempotence=true}, {@code acks=all}: a retry inside the producer never
 *   duplicates or reorders a partition's records; a record counts as shipped only once every
 *   in-sync replica has it.</li>
 *   <li>{@code linger.ms=100}, {@code batch.size=256 KiB}: a batch fills for up to 100 ms; at 20,000
 *   records/s that is a few hundred records a request instead of one.</li>
 *   <li>{@code compression.type=lz4}: measured against zstd on journal frames
 *   (BENCHMARKS.md, "The shipper: compression"): about 190 ns of CPU a frame against zstd's 340,
 *   for a ratio of 3.4 against 6.5; CPU is what a node runs out of first.</li>
 *   <li>{@code max.block.ms=5000}: a full buffer or unknown metadata blocks {@code send} (on the
 *   shipper's own thread only) 5 s at most, then fails, and the shipper backs off.</li>
 *   <li>{@code delivery.timeout.ms=30000}: the producer retries a batch for 30 s by itself
 *   (a broker restart) before the shipper sees a failure and starts over from its offset.</li>
 * </ul>
 */
public final class ShipperProducerProperties
{
    /** The compression the shipper uses unless the properties file says otherwise. */
    public static final String DEFAULT_COMPRESSION = "lz4";

    private ShipperProducerProperties()
    {
    }

    /** The producer's properties: the defaults above, then {@code operator} over them, then one request in flight. */
    public static Map<String, Object> producer(final Map<String, Object> operator)
    {
        final Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "pulse-shipper");
        properties.putAll(operator);
        // One request in flight per broker: with five, a partition answering NOT_LEADER_OR_FOLLOWER (as a new one does)
        // made the retries meet OUT_OF_ORDER_SEQUENCE_NUMBER, and records acknowledged to the shipper were missing from
        // the log (JournalShipperTest). Batches of 256 KiB keep the throughput. After the operator's: no file may raise it.
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return properties;
    }

    /** The admin client's properties (the topic check): those of {@code operator} an admin client knows. */
    public static Map<String, Object> admin(final Map<String, Object> operator)
    {
        final Map<String, Object> properties = new HashMap<>();
        for (final Map.Entry<String, Object> entry : operator.entrySet())
        {
            if (AdminClientConfig.configNames().contains(entry.getKey()))
            {
                properties.put(entry.getKey(), entry.getValue());
            }
        }
        properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "pulse-shipper-admin");
        return properties;
    }
}
