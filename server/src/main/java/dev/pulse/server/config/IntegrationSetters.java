package dev.pulse.server.config;

import java.nio.file.Path;

/**
 * The builder's setters for the node among others and the systems around it: its name and the
 * cluster's key, Kafka shipping, webhooks and the backend ingest. Their rules are
 * {@link NodeSettings}, {@link KafkaSettings} and {@link WebhookSettings}.
 * Sealed to {@link ServerConfigBuilder}, so {@code this} is always the builder.
 */
sealed interface IntegrationSetters permits ServerConfigBuilder
{
    default ServerConfigBuilder nodeId(final String nodeId)
    {
        return ((ServerConfigBuilder)this).set("nodeId", nodeId);
    }

    default ServerConfigBuilder clusterKeyFile(final Path clusterKeyFile)
    {
        return ((ServerConfigBuilder)this).set("clusterKeyFile", clusterKeyFile);
    }

    default ServerConfigBuilder kafkaBootstrap(final String kafkaBootstrap)
    {
        return ((ServerConfigBuilder)this).set("kafkaBootstrap", kafkaBootstrap);
    }

    default ServerConfigBuilder kafkaTopic(final String kafkaTopic)
    {
        return ((ServerConfigBuilder)this).set("kafkaTopic", kafkaTopic);
    }

    default ServerConfigBuilder kafkaPropertiesFile(final Path kafkaPropertiesFile)
    {
        return ((ServerConfigBuilder)this).set("kafkaPropertiesFile", kafkaPropertiesFile);
    }

    default ServerConfigBuilder webhookUrl(final String webhookUrl)
    {
        return ((ServerConfigBuilder)this).set("webhookUrl", webhookUrl);
    }

    default ServerConfigBuilder webhookSecretFile(final Path webhookSecretFile)
    {
        return ((ServerConfigBuilder)this).set("webhookSecretFile", webhookSecretFile);
    }

    default ServerConfigBuilder webhookMaxAttempts(final int webhookMaxAttempts)
    {
        return ((ServerConfigBuilder)this).set("webhookMaxAttempts", webhookMaxAttempts);
    }

    default ServerConfigBuilder webhookEvents(final String webhookEvents)
    {
        return ((ServerConfigBuilder)this).set("webhookEvents", webhookEvents);
    }

    default ServerConfigBuilder ingestKeysFile(final Path ingestKeysFile)
    {
        return ((ServerConfigBuilder)this).set("ingestKeysFile", ingestKeysFile);
    }

    default ServerConfigBuilder ingestRatePerKey(final int ingestRatePerKey)
    {
        return ((ServerConfigBuilder)this).set("ingestRatePerKey", ingestRatePerKey);
    }

    default ServerConfigBuilder ingestMaxBodyBytes(final int ingestMaxBodyBytes)
    {
        return ((ServerConfigBuilder)this).set("ingestMaxBodyBytes", ingestMaxBodyBytes);
    }
}
