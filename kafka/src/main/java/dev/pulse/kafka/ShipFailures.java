package dev.pulse.kafka;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Which failures the shipper waits out and which stop it. Kafka down, slow, a leader moving, a
 * timeout: tried again from the offset. A record Kafka refuses for good (too large, not authorized,
 * a topic name it rejects): trying again would fail the same way, and skipping the record would
 * lose it, so shipping stops, loudly, until an operator fixes the cause and restarts the node.
 */
final class ShipFailures
{
    private ShipFailures()
    {
    }

    static boolean isPermanent(final Throwable failure)
    {
        return failure instanceof RecordTooLargeException
            || failure instanceof RecordBatchTooLargeException
            || failure instanceof AuthorizationException
            || failure instanceof AuthenticationException
            || failure instanceof InvalidTopicException
            || failure instanceof UnsupportedVersionException;
    }
}
