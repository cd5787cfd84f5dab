package dev.pulse.kafka;

/** Shipping cannot go on (an unfit topic, a record Kafka refuses for good): the message says why, for the log and the metric. */
final class ShippingStopped extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    ShippingStopped(final String message)
    {
        super(message, null, false, false);
    }
}
