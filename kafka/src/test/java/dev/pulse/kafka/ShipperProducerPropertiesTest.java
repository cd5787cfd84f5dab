package dev.pulse.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's producer properties win over the defaults, except the one request in flight, which none may raise. */
class ShipperProducerPropertiesTest
{
    @Test
    void shouldTakeTheOperatorsPropertiesButKeepOneRequestInFlight()
    {
        final Map<String, Object> properties = ShipperProducerProperties.producer(Map.of(
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5", ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"));

        assertThat(properties).containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1")
            .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd").containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
            .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }
}
