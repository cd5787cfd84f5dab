package dev.pulse.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine.Option;

import dev.pulse.kafka.ShippedRecords;
import dev.pulse.kafka.TopicSource;

/**
 * The options of the commands that read a cluster's journals from Kafka ({@code report},
 * {@code replay}): {@code --kafka BOOTSTRAP}, {@code --topic}, {@code --group}, {@code --catalogs}
 * (where the catalog versions are, since the topic carries only the journal), and
 * {@code --kafka-properties} (the consumer's security settings).
 */
final class TopicLocation
{
    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
        description = "Read the cluster's journals from this Kafka cluster (host:port[,host:port]) instead of data directories.")
    private String bootstrap;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = ShippedRecords.DEFAULT_TOPIC,
        description = "With --kafka: the topic the nodes ship to (default ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--group", paramLabel = "GROUP",
        description = "With --kafka: commit the offsets read under this consumer group (default: none, plain assignment). "
            + "Every partition is read either way.")
    private String group;

    @Option(names = "--catalogs", paramLabel = "DIR",
        description = "With --kafka: a catalog archive (a node's DATA/catalogs) to read the catalog versions from; repeatable.")
    private List<Path> catalogDirs;

    @Option(names = "--kafka-properties", paramLabel = "FILE",
        description = "With --kafka: more consumer properties (security.protocol, sasl.*, ssl.*), as a Java properties file.")
    private Path propertiesFile;

    /** Whether {@code --kafka} was given. */
    boolean given()
    {
        return bootstrap != null;
    }

    /** The catalog archives given with {@code --catalogs}. */
    List<Path> catalogDirs()
    {
        return catalogDirs == null ? List.of() : List.copyOf(catalogDirs);
    }

    String topic()
    {
        return topic;
    }

    /** What to read, over {@code [fromMs, toMs)}. */
    TopicSource source(final long fromMs, final long toMs) throws IOException
    {
        final Map<String, String> properties = new HashMap<>();
        if (propertiesFile != null)
        {
            final Properties file = new Properties();
            try (InputStream in = Files.newInputStream(propertiesFile))
            {
                file.load(in);
            }
            file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
        }
        return new TopicSource(bootstrap, topic, group, fromMs, toMs, properties);
    }
}
