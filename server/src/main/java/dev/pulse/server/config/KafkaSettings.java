package dev.pulse.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The journal shipping settings: {@code kafka_bootstrap} (none: no shipping), {@code kafka_topic},
 * and {@code kafka_properties_file} (Kafka client properties, {@code key=value} lines as Kafka's own
 * tools read them: security, tuning). A bad topic name is refused with the other settings, an
 * unreadable file at start and by {@code config check} (exit 2 both). Whether the topic on the
 * broker is fit is checked at start against Kafka itself ({@code dev.pulse.kafka.TopicCheck}).
 */
public final class KafkaSettings
{
    /** What Kafka accepts as a topic name. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    private KafkaSettings()
    {
    }

    static void check(final ServerConfig config, final List<String> problems)
    {
        if (!TOPIC.matcher(config.kafkaTopic()).matches() || ".".equals(config.kafkaTopic()) || "..".equals(config.kafkaTopic()))
        {
            problems.add("kafka_topic: '" + config.kafkaTopic() + "' is not a Kafka topic name: 1 to 249 of A-Z a-z 0-9 . _ -");
        }
        if (config.kafkaBootstrap() != null && config.kafkaBootstrap().isBlank())
        {
            problems.add("kafka_bootstrap: empty; give host:port[,host:port...] or leave it unset for no shipping");
        }
    }

    /**
     * The client properties: {@code kafka_properties_file}'s, then {@code bootstrap.servers} from
     * {@code kafka_bootstrap}. Read at start and by {@code config check}, as the TLS files are.
     *
     * @throws ConfigException if the file cannot be read (exit 2).
     */
    public static Map<String, Object> clientProperties(final ServerConfig config) throws ConfigException
    {
        final Map<String, Object> properties = new HashMap<>();
        if (config.kafkaPropertiesFile() != null)
        {
            try
            {
                properties.putAll(read(config.kafkaPropertiesFile()));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw new ConfigException("kafka_properties_file: cannot read " + config.kafkaPropertiesFile() + ": " + ex);
            }
        }
        properties.put(BOOTSTRAP_SERVERS, config.kafkaBootstrap());
        return properties;
    }

    private static Map<String, Object> read(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
