package dev.pulse.kafka;

/**
 * The topic cannot hold a journal: it has too few partitions, a cleanup policy that would drop
 * records, or it does not exist and cannot be created. Not a fault to retry: the operator must
 * change the topic or the setting, and the message says how.
 */
public final class TopicRefusedException extends Exception
{
    private static final long serialVersionUID = 1L;

    public TopicRefusedException(final String message)
    {
        super(message);
    }
}
