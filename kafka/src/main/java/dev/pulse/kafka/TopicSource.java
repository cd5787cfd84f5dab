package dev.pulse.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * What the cluster report reads from Kafka: a topic on a cluster, every partition, from the
 * records of {@code fromMs} on to those of {@code toMs}, with a margin either side.
 *
 * @param bootstrap the brokers, {@code host:port[,host:port...]}.
 * @param topic the topic the nodes ship to ({@link ShippedRecords}).
 * @param group a consumer group to commit the offsets read under (so the topic's tools show how far
 *     the report read), or null: plain assignment, nothing committed. Either way every partition is
 *     read, from the range's start: a report needs all of it, never a group member's share.
 * @param fromMs the range's start ({@link Long#MIN_VALUE}: the topic's beginning).
 * @param toMs the range's end, exclusive ({@link Long#MAX_VALUE}: the end offsets seen at the start).
 * @param clientProperties more consumer properties (security, timeouts), from the operator's file; may be empty.
 */
public record TopicSource(String bootstrap, String topic, String group, long fromMs, long toMs, Map<String, String> clientProperties)
{
    /**
     * Read this much before the range's start and past its end: a session alive at the start repeats
     * its visitor at its next SESSION_START (every page), a window opened in the range closes within
     * its outcome window plus the session expiry, and Kafka's timestamps (when the node shipped a
     * record) trail the records' own times by the shipping lag.
     */
    public static final long MARGIN_MS = 24 * 3_600_000L;

    public TopicSource
    {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        clientProperties = Map.copyOf(clientProperties);
    }

    /** The earliest Kafka timestamp read: the range's start less the margin, or the topic's beginning. */
    long seekMs()
    {
        return fromMs == Long.MIN_VALUE || fromMs < Long.MIN_VALUE + MARGIN_MS ? Long.MIN_VALUE : fromMs - MARGIN_MS;
    }

    /** The Kafka timestamp past which a partition is done: the range's end plus the margin. */
    long stopMs()
    {
        return toMs > Long.MAX_VALUE - MARGIN_MS ? Long.MAX_VALUE : toMs + MARGIN_MS;
    }
}
