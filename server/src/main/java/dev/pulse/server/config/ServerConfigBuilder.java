package dev.pulse.server.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

/**
 * Changes some settings of a {@link ServerConfig}, keeping the rest: what {@code ConfigLoader} fills
 * layer by layer (defaults, file, environment, flags) and what tests use to vary one setting. A new
 * setting is a component of the record, a setter here and a {@code Setting} constant.
 *
 * <p>The values are kept by the record's component order and the record is built through its
 * canonical constructor, so a setting is one setter here rather than a field, a copy and an argument
 * as well. {@code ServerConfigBuilderTest} checks that each setter changes its own component and no other.
 */
public final class ServerConfigBuilder
{
    private static final RecordComponent[] COMPONENTS = ServerConfig.class.getRecordComponents();
    private static final Constructor<ServerConfig> CANONICAL = canonicalConstructor();

    private final Object[] values = new Object[COMPONENTS.length];

    ServerConfigBuilder(final ServerConfig config)
    {
        for (int i = 0; i < COMPONENTS.length; i++)
        {
            try
            {
                values[i] = COMPONENTS[i].getAccessor().invoke(config);
            }
            catch (final IllegalAccessException | InvocationTargetException ex)
            {
                throw new IllegalStateException("cannot read " + COMPONENTS[i].getName(), ex);
            }
        }
    }

    public ServerConfigBuilder bind(final String bind)
    {
        return set("bind", bind);
    }

    public ServerConfigBuilder port(final int port)
    {
        return set("port", port);
    }

    public ServerConfigBuilder dataDir(final Path dataDir)
    {
        return set("dataDir", dataDir);
    }

    public ServerConfigBuilder catalogFile(final Path catalogFile)
    {
        return set("catalogFile", catalogFile);
    }

    public ServerConfigBuilder catalogWatchMs(final long catalogWatchMs)
    {
        return set("catalogWatchMs", catalogWatchMs);
    }

    public ServerConfigBuilder maxMessageBytes(final int maxMessageBytes)
    {
        return set("maxMessageBytes", maxMessageBytes);
    }

    public ServerConfigBuilder readTimeoutMs(final long readTimeoutMs)
    {
        return set("readTimeoutMs", readTimeoutMs);
    }

    public ServerConfigBuilder handshakeTimeoutMs(final long handshakeTimeoutMs)
    {
        return set("handshakeTimeoutMs", handshakeTimeoutMs);
    }

    public ServerConfigBuilder messagesPerSecond(final int messagesPerSecond)
    {
        return set("messagesPerSecond", messagesPerSecond);
    }

    public ServerConfigBuilder messageBurst(final int messageBurst)
    {
        return set("messageBurst", messageBurst);
    }

    public ServerConfigBuilder rateLimitCloseMs(final long rateLimitCloseMs)
    {
        return set("rateLimitCloseMs", rateLimitCloseMs);
    }

    public ServerConfigBuilder maxRejectedMessages(final int maxRejectedMessages)
    {
        return set("maxRejectedMessages", maxRejectedMessages);
    }

    public ServerConfigBuilder allowMissingOrigin(final boolean allowMissingOrigin)
    {
        return set("allowMissingOrigin", allowMissingOrigin);
    }

    public ServerConfigBuilder maxConnections(final int maxConnections)
    {
        return set("maxConnections", maxConnections);
    }

    public ServerConfigBuilder expectedSessions(final int expectedSessions)
    {
        return set("expectedSessions", expectedSessions);
    }

    public ServerConfigBuilder resetCorruptSessions(final boolean resetCorruptSessions)
    {
        return set("resetCorruptSessions", resetCorruptSessions);
    }

    public ServerConfigBuilder fsyncPolicy(final FsyncPolicy fsyncPolicy)
    {
        return set("fsyncPolicy", fsyncPolicy);
    }

    public ServerConfigBuilder fsyncIntervalMs(final long fsyncIntervalMs)
    {
        return set("fsyncIntervalMs", fsyncIntervalMs);
    }

    public ServerConfigBuilder journalSegmentBytes(final long journalSegmentBytes)
    {
        return set("journalSegmentBytes", journalSegmentBytes);
    }

    public ServerConfigBuilder journalBufferBytes(final int journalBufferBytes)
    {
        return set("journalBufferBytes", journalBufferBytes);
    }

    public ServerConfigBuilder journalSearchText(final boolean journalSearchText)
    {
        return set("journalSearchText", journalSearchText);
    }

    public ServerConfigBuilder journalRetention(final long journalRetention)
    {
        return set("journalRetention", journalRetention);
    }

    public ServerConfigBuilder journalRetentionBytes(final long journalRetentionBytes)
    {
        return set("journalRetentionBytes", journalRetentionBytes);
    }

    public ServerConfigBuilder journalErasureDelay(final long journalErasureDelay)
    {
        return set("journalErasureDelay", journalErasureDelay);
    }

    public ServerConfigBuilder journalRetentionMode(final RetentionMode journalRetentionMode)
    {
        return set("journalRetentionMode", journalRetentionMode);
    }

    public ServerConfigBuilder reportToken(final String reportToken)
    {
        return set("reportToken", reportToken);
    }

    public ServerConfigBuilder adminToken(final String adminToken)
    {
        return set("adminToken", adminToken);
    }

    public ServerConfigBuilder eventLoopThreads(final int eventLoopThreads)
    {
        return set("eventLoopThreads", eventLoopThreads);
    }

    public ServerConfigBuilder shutdownTimeoutMs(final long shutdownTimeoutMs)
    {
        return set("shutdownTimeoutMs", shutdownTimeoutMs);
    }

    public ServerConfigBuilder maxConnectionsPerAddress(final int maxConnectionsPerAddress)
    {
        return set("maxConnectionsPerAddress", maxConnectionsPerAddress);
    }

    public ServerConfigBuilder handshakesPerSecond(final int handshakesPerSecond)
    {
        return set("handshakesPerSecond", handshakesPerSecond);
    }

    public ServerConfigBuilder maxPendingWriteBytes(final int maxPendingWriteBytes)
    {
        return set("maxPendingWriteBytes", maxPendingWriteBytes);
    }

    public ServerConfigBuilder writeStallTimeoutMs(final long writeStallTimeoutMs)
    {
        return set("writeStallTimeoutMs", writeStallTimeoutMs);
    }

    public ServerConfigBuilder signingKey(final SigningKey signingKey)
    {
        return set("signingKey", signingKey);
    }

    public ServerConfigBuilder signingKeyFile(final Path signingKeyFile)
    {
        return set("signingKeyFile", signingKeyFile);
    }

    public ServerConfigBuilder signingKeyPrevious(final SigningKey signingKeyPrevious)
    {
        return set("signingKeyPrevious", signingKeyPrevious);
    }

    public ServerConfigBuilder signingKeyPreviousFile(final Path signingKeyPreviousFile)
    {
        return set("signingKeyPreviousFile", signingKeyPreviousFile);
    }

    public ServerConfigBuilder tokenMaxTtlMs(final long tokenMaxTtlMs)
    {
        return set("tokenMaxTtlMs", tokenMaxTtlMs);
    }

    public ServerConfigBuilder metricsBind(final String metricsBind)
    {
        return set("metricsBind", metricsBind);
    }

    public ServerConfigBuilder metricsPort(final Integer metricsPort)
    {
        return set("metricsPort", metricsPort);
    }

    public ServerConfigBuilder tlsCertFile(final Path tlsCertFile)
    {
        return set("tlsCertFile", tlsCertFile);
    }

    public ServerConfigBuilder tlsKeyFile(final Path tlsKeyFile)
    {
        return set("tlsKeyFile", tlsKeyFile);
    }

    public ServerConfigBuilder trustedProxies(final AddressRanges trustedProxies)
    {
        return set("trustedProxies", trustedProxies);
    }

    public ServerConfigBuilder clientAddress(final ClientAddressSource clientAddress)
    {
        return set("clientAddress", clientAddress);
    }

    public ServerConfigBuilder logFormat(final LogFormat logFormat)
    {
        return set("logFormat", logFormat);
    }

    public ServerConfigBuilder logLevel(final LogLevel logLevel)
    {
        return set("logLevel", logLevel);
    }

    public ServerConfigBuilder drainDelay(final long drainDelay)
    {
        return set("drainDelay", drainDelay);
    }

    public ServerConfigBuilder closeSpread(final long closeSpread)
    {
        return set("closeSpread", closeSpread);
    }

    public ServerConfigBuilder adminTokenFile(final Path adminTokenFile)
    {
        return set("adminTokenFile", adminTokenFile);
    }

    public ServerConfigBuilder reportTokenFile(final Path reportTokenFile)
    {
        return set("reportTokenFile", reportTokenFile);
    }

    public ServerConfigBuilder demo(final Boolean demo)
    {
        return set("demo", demo);
    }

    public ServerConfigBuilder tlsWatchMs(final long tlsWatchMs)
    {
        return set("tlsWatchMs", tlsWatchMs);
    }

    public ServerConfigBuilder nodeId(final String nodeId)
    {
        return set("nodeId", nodeId);
    }

    public ServerConfigBuilder clusterKeyFile(final Path clusterKeyFile)
    {
        return set("clusterKeyFile", clusterKeyFile);
    }

    public ServerConfigBuilder kafkaBootstrap(final String kafkaBootstrap)
    {
        return set("kafkaBootstrap", kafkaBootstrap);
    }

    public ServerConfigBuilder kafkaTopic(final String kafkaTopic)
    {
        return set("kafkaTopic", kafkaTopic);
    }

    public ServerConfigBuilder kafkaPropertiesFile(final Path kafkaPropertiesFile)
    {
        return set("kafkaPropertiesFile", kafkaPropertiesFile);
    }

    public ServerConfigBuilder webhookUrl(final String webhookUrl)
    {
        return set("webhookUrl", webhookUrl);
    }

    public ServerConfigBuilder webhookSecretFile(final Path webhookSecretFile)
    {
        return set("webhookSecretFile", webhookSecretFile);
    }

    public ServerConfigBuilder webhookMaxAttempts(final int webhookMaxAttempts)
    {
        return set("webhookMaxAttempts", webhookMaxAttempts);
    }

    public ServerConfigBuilder webhookEvents(final String webhookEvents)
    {
        return set("webhookEvents", webhookEvents);
    }

    public ServerConfigBuilder ingestKeysFile(final Path ingestKeysFile)
    {
        return set("ingestKeysFile", ingestKeysFile);
    }

    public ServerConfigBuilder ingestRatePerKey(final int ingestRatePerKey)
    {
        return set("ingestRatePerKey", ingestRatePerKey);
    }

    public ServerConfigBuilder ingestMaxBodyBytes(final int ingestMaxBodyBytes)
    {
        return set("ingestMaxBodyBytes", ingestMaxBodyBytes);
    }

    public ServerConfig build()
    {
        try
        {
            return CANONICAL.newInstance(values.clone());
        }
        catch (final InstantiationException | IllegalAccessException | InvocationTargetException ex)
        {
            throw new IllegalStateException("cannot build the configuration", ex);
        }
    }

    private ServerConfigBuilder set(final String component, final Object value)
    {
        for (int i = 0; i < COMPONENTS.length; i++)
        {
            if (COMPONENTS[i].getName().equals(component))
            {
                values[i] = value;
                return this;
            }
        }
        throw new IllegalArgumentException("ServerConfig has no component " + component);
    }

    private static Constructor<ServerConfig> canonicalConstructor()
    {
        try
        {
            return ServerConfig.class.getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        }
        catch (final NoSuchMethodException ex)
        {
            throw new IllegalStateException("a record has its canonical constructor", ex);
        }
    }
}
