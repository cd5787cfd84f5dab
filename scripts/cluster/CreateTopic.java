import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * scripts/cluster.sh's topic: creates the journal's topic on the cluster's one broker (one
 * replica, delete cleanup: the shipped journal is a log, not a table), or leaves it as it is if it
 * exists. Run as a single-file source program on the broker's class path:
 * {@code java -cp CP CreateTopic.java BOOTSTRAP TOPIC PARTITIONS}.
 */
public final class CreateTopic
{
    public static void main(final String[] args) throws Exception
    {
        final NewTopic topic = new NewTopic(args[1], Integer.parseInt(args[2]), (short)1)
            .configs(Map.of("cleanup.policy", "delete"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000)))
        {
            admin.createTopics(Set.of(topic)).all().get(60, TimeUnit.SECONDS);
            System.out.println("created " + args[1] + " with " + args[2] + " partitions");
        }
        catch (final ExecutionException ex)
        {
            if (!(ex.getCause() instanceof TopicExistsException))
            {
                throw ex;
            }
            System.out.println(args[1] + " exists");
        }
    }
}
