package dev.pulse.server.ship;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.Journal;
import dev.pulse.kafka.JournalShipper;
import dev.pulse.kafka.ShipperMetrics;
import dev.pulse.kafka.ShipperProducerProperties;
import dev.pulse.kafka.ShipperSettings;
import dev.pulse.kafka.TopicCheck;
import dev.pulse.kafka.TopicRefusedException;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.KafkaSettings;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;

/**
 * The server's journal shipping ({@link JournalShipper}) when {@code kafka_bootstrap} is set, and
 * its series on {@code /metrics} (zero without shipping, so the alerts and the dashboard always find
 * them).
 * <ul>
 *   <li>{@link #start} runs right after the journal opens and before its upkeep: the shipper holds its
 *   segment before the upkeep's first pass.</li>
 *   <li>At start the topic is checked for up to {@link #START_CHECK}: a topic Kafka says is unfit (too
 *   few partitions, compaction) refuses the start (exit 2) with what to change; a Kafka that does not
 *   answer lets the server serve, and the shipper checks and ships once it does (the journal is the
 *   buffer). A topic found unfit later stops shipping with an error and {@code pulse_kafka_shipping_stopped}.</li>
 *   <li>{@link #close} runs after the journal's last record is written: it ships what it can within
 *   the time left and writes the offset.</li>
 * </ul>
 */
public final class JournalShipping implements AutoCloseable
{
    /** How long a start waits for Kafka to say whether the topic is fit. */
    public static final Duration START_CHECK = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(JournalShipping.class);

    private final JournalShipper shipper;

    private JournalShipping(final JournalShipper shipper)
    {
        this.shipper = shipper;
    }

    /**
     * Starts shipping if {@code kafka_bootstrap} is set, and registers the series either way.
     *
     * @throws ConfigException if Kafka says the topic cannot hold a journal.
     */
    public static JournalShipping start(final ServerConfig config, final String nodeId, final Path dataDir, final Journal journal,
        final Path journalDir, final Metrics metrics) throws ConfigException, IOException, InterruptedException
    {
        if (config.kafkaBootstrap() == null)
        {
            register(metrics, new ShipperMetrics(), 0);
            return new JournalShipping(null);
        }
        final Map<String, Object> properties = KafkaSettings.clientProperties(config);
        checkTopic(config, properties);
        final ShipperSettings settings = ShipperSettings.of(nodeId, journalDir, dataDir.resolve(ShipperSettings.offsetFileName(config.kafkaTopic())),
            config.kafkaTopic(), properties);
        final JournalShipper shipper = JournalShipper.open(journal.holds(), settings).start();
        register(metrics, shipper.metrics(), 1);
        return new JournalShipping(shipper);
    }

    private static void checkTopic(final ServerConfig config, final Map<String, Object> properties)
        throws ConfigException, InterruptedException
    {
        try
        {
            TopicCheck.verify(ShipperProducerProperties.admin(properties), config.kafkaTopic(), START_CHECK);
        }
        catch (final TopicRefusedException ex)
        {
            throw new ConfigException("kafka_topic: " + ex.getMessage());
        }
        catch (final TimeoutException | ExecutionException | RuntimeException ex)
        {
            LOG.warn("Kafka at {} did not confirm the topic {} within {} s ({}): serving anyway; the journal keeps every record "
                + "and the shipper ships them once Kafka answers", config.kafkaBootstrap(), config.kafkaTopic(), START_CHECK.toSeconds(),
                ex.toString());
        }
    }

    private static void register(final Metrics metrics, final ShipperMetrics shipped, final int enabled)
    {
        metrics.gauge("pulse_kafka_shipping_enabled", "1 when the journal is shipped to Kafka (kafka_bootstrap is set).", () -> enabled);
        metrics.gauge("pulse_kafka_shipping_stopped", "1 when journal shipping stopped for good (a wrong topic, a record Kafka refuses): "
            + "see the log; records stay in the journal.", () -> shipped.stopped() ? 1 : 0);
        metrics.gauge("pulse_kafka_lag_records", "Journal records not yet acknowledged by Kafka.", shipped::lagRecords);
        metrics.gauge("pulse_kafka_lag_bytes", "Bytes of journal records not yet acknowledged by Kafka.", shipped::lagBytes);
        metrics.gauge("pulse_kafka_lag_seconds", "Age of the oldest journal record not yet acknowledged by Kafka; 0 when none is behind.",
            () -> shipped.lagSeconds(System.currentTimeMillis()));
        metrics.counter("pulse_kafka_shipped_records_total", "Journal records Kafka acknowledged (a resend after a failure counts again).",
            shipped::recordsShipped);
        metrics.counter("pulse_kafka_shipped_bytes_total", "Bytes of journal records Kafka acknowledged.", shipped::bytesShipped);
        metrics.counter("pulse_kafka_ship_failures_total", "Times shipping failed and started over from its offset.", shipped::failures);
        metrics.gauge("pulse_kafka_last_shipped_timestamp_seconds", "Wall time of Kafka's last acknowledgement; 0 before the first.",
            () -> shipped.lastSuccessMs() / 1000);
    }

    /** Ships what it can within {@code timeoutMs} and writes the offset; true if it stopped in time (or there is no shipping). */
    public boolean close(final long timeoutMs)
    {
        return shipper == null || shipper.close(Duration.ofMillis(timeoutMs));
    }

    @Override
    public void close()
    {
        close(0);
    }
}
