package dev.pulse.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The test broker is a real one: records produced before a restart are read back after it. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KafkaBrokerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepWhatWasProducedAcrossARestart() throws Exception
    {
        try (KafkaBroker broker = KafkaBroker.start(dir))
        {
            broker.createTopic("t", 1);
            produce(broker, "before");
            broker.stop();
            broker.startAgain();
            produce(broker, "after");
            assertThat(consume(broker)).containsExactly("before", "after");
        }
    }

    private static void produce(final KafkaBroker broker, final String value) throws Exception
    {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()),
            new ByteArraySerializer(), new ByteArraySerializer()))
        {
            producer.send(new ProducerRecord<>("t", value.getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> consume(final KafkaBroker broker)
    {
        final List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final TopicPartition partition = new TopicPartition("t", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final long deadline = System.currentTimeMillis() + 60_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline)
            {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500)))
                {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
