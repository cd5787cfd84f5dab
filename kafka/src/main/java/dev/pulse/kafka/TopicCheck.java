package dev.pulse.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks the topic before anything is shipped to it: it must exist (it is created when missing,
 * with {@link #CREATED_PARTITIONS} partitions, the broker's replication factor and
 * {@code cleanup.policy=delete}), have at least {@link #MIN_PARTITIONS} partitions, and a cleanup
 * policy without {@code compact}: compaction keeps only the newest record of each key, and the key is
 * the session, so it would drop all but one record of every session.
 */
public final class TopicCheck
{
    /** Fewer partitions than this is refused: consumers (the report, a data team's) share a topic by partition. */
    public static final int MIN_PARTITIONS = 3;
    /** A topic the shipper creates gets this many. */
    public static final int CREATED_PARTITIONS = 12;

    private TopicCheck()
    {
    }

    /**
     * {@link #verify(Admin, String, Duration)} with an admin client of {@code adminProperties}, closed after.
     */
    public static void verify(final Map<String, Object> adminProperties, final String topic, final Duration timeout)
        throws TopicRefusedException, TimeoutException, ExecutionException, InterruptedException
    {
        final Admin admin = Admin.create(adminProperties);
        try
        {
            verify(admin, topic, timeout);
        }
        finally
        {
            // Not the default close, which waits for calls still pending (a minute when Kafka is down).
            admin.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Checks {@code topic}, creating it if missing; each call to Kafka waits {@code timeout} at most.
     *
     * @throws TopicRefusedException the topic cannot hold a journal (the message says why and what to do).
     * @throws TimeoutException Kafka did not answer in time (down, or unreachable): try again later.
     * @throws ExecutionException Kafka answered with another error.
     */
    public static void verify(final Admin admin, final String topic, final Duration timeout)
        throws TopicRefusedException, TimeoutException, ExecutionException, InterruptedException
    {
        TopicDescription description = describe(admin, topic, timeout);
        if (description == null)
        {
            create(admin, topic, timeout);
            description = awaitLeaders(admin, topic, timeout);
        }
        final int partitions = description.partitions().size();
        if (partitions < MIN_PARTITIONS)
        {
            throw new TopicRefusedException("the Kafka topic " + topic + " has " + partitions + " partition" + (partitions == 1 ? "" : "s")
                + "; Pulse ships to a topic of at least " + MIN_PARTITIONS + " (consumers share it by partition): add partitions "
                + "(kafka-topics.sh --alter --topic " + topic + " --partitions " + CREATED_PARTITIONS + ") or set kafka_topic to another topic");
        }
        final String policy = cleanupPolicy(admin, topic, timeout);
        if (policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT))
        {
            throw new TopicRefusedException("the Kafka topic " + topic + " has cleanup.policy=" + policy
                + "; Pulse ships to a topic with cleanup.policy=delete: compaction keeps only the newest record of each key (a session) "
                + "and would drop the rest (kafka-configs.sh --alter --entity-type topics --entity-name " + topic
                + " --add-config cleanup.policy=delete, or set kafka_topic to another topic)");
        }
    }

    private static TopicDescription describe(final Admin admin, final String topic, final Duration timeout)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        try
        {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof UnknownTopicOrPartitionException)
            {
                return null;
            }
            throw ex;
        }
    }

    /**
     * Waits until every partition of a topic just created has a leader: an idempotent producer that
     * sends to one without (NOT_LEADER_OR_FOLLOWER) can be left retrying out-of-order sequences until
     * its delivery timeout.
     */
    private static TopicDescription awaitLeaders(final Admin admin, final String topic, final Duration timeout)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final TopicDescription description = describe(admin, topic, timeout);
            if (description != null && description.partitions().stream().allMatch(partition -> partition.leader() != null))
            {
                return description;
            }
            if (System.nanoTime() > deadline)
            {
                throw new TimeoutException("the Kafka topic " + topic + " was created but its partitions have no leader yet");
            }
            Thread.sleep(100);
        }
    }

    private static void create(final Admin admin, final String topic, final Duration timeout)
        throws TopicRefusedException, TimeoutException, ExecutionException, InterruptedException
    {
        final NewTopic newTopic = new NewTopic(topic, Optional.of(CREATED_PARTITIONS), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
        try
        {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof TopicExistsException)
            {
                return; // another node created it meanwhile
            }
            if (ShipFailures.isPermanent(ex.getCause()))
            {
                throw new TopicRefusedException("the Kafka topic " + topic + " does not exist and cannot be created ("
                    + ex.getCause().getMessage() + "): create it with at least " + MIN_PARTITIONS + " partitions and cleanup.policy=delete");
            }
            throw ex;
        }
    }

    private static String cleanupPolicy(final Admin admin, final String topic, final Duration timeout)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        final Config config = admin.describeConfigs(List.of(resource)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        final ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        return entry == null || entry.value() == null ? TopicConfig.CLEANUP_POLICY_DELETE : entry.value();
    }
}
