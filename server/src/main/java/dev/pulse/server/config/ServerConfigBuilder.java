package dev.pulse.server.config;

import java.nio.file.Path;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

/**
 * Changes some settings of a {@link ServerConfig}, keeping the rest: what {@code ConfigLoader} fills
 * layer by layer (defaults, file, environment, flags) and what tests use to vary one setting. A
 * class of its own because the record's many components make it as long as the record itself; a new
 * setting is a component there, a field and a setter here, and a {@code Setting} constant.
 */
public final class ServerConfigBuilder
{
    private String bind;
    private int port;
    private Path dataDir;
    private Path catalogFile;
    private long catalogWatchMs;
    private int maxMessageBytes;
    private long readTimeoutMs;
    private long handshakeTimeoutMs;
    private int messagesPerSecond;
    private int messageBurst;
    private long rateLimitCloseMs;
    private int maxRejectedMessages;
    private boolean allowMissingOrigin;
    private int maxConnections;
    private int expectedSessions;
    private boolean resetCorruptSessions;
    private FsyncPolicy fsyncPolicy;
    private long fsyncIntervalMs;
    private long journalSegmentBytes;
    private int journalBufferBytes;
    private boolean journalSearchText;
    private long journalRetention;
    private long journalRetentionBytes;
    private long journalErasureDelay;
    private RetentionMode journalRetentionMode;
    private String adminToken;
    private String reportToken;
    private int eventLoopThreads;
    private long shutdownTimeoutMs;
    private int maxConnectionsPerAddress;
    private int handshakesPerSecond;
    private int maxPendingWriteBytes;
    private long writeStallTimeoutMs;
    private SigningKey signingKey;
    private Path signingKeyFile;
    private SigningKey signingKeyPrevious;
    private Path signingKeyPreviousFile;
    private long tokenMaxTtlMs;
    private String metricsBind;
    private Integer metricsPort;
    private Path tlsCertFile;
    private Path tlsKeyFile;
    private AddressRanges trustedProxies;
    private ClientAddressSource clientAddress;
    private LogFormat logFormat;
    private LogLevel logLevel;
    private long drainDelay;
    private long closeSpread;
    private Path adminTokenFile;
    private Path reportTokenFile;
    private Boolean demo;
    private long tlsWatchMs;

    ServerConfigBuilder(final ServerConfig config)
    {
        bind = config.bind();
        port = config.port();
        dataDir = config.dataDir();
        catalogFile = config.catalogFile();
        catalogWatchMs = config.catalogWatchMs();
        maxMessageBytes = config.maxMessageBytes();
        readTimeoutMs = config.readTimeoutMs();
        handshakeTimeoutMs = config.handshakeTimeoutMs();
        messagesPerSecond = config.messagesPerSecond();
        messageBurst = config.messageBurst();
        rateLimitCloseMs = config.rateLimitCloseMs();
        maxRejectedMessages = config.maxRejectedMessages();
        allowMissingOrigin = config.allowMissingOrigin();
        maxConnections = config.maxConnections();
        expectedSessions = config.expectedSessions();
        resetCorruptSessions = config.resetCorruptSessions();
        fsyncPolicy = config.fsyncPolicy();
        fsyncIntervalMs = config.fsyncIntervalMs();
        journalSegmentBytes = config.journalSegmentBytes();
        journalBufferBytes = config.journalBufferBytes();
        journalSearchText = config.journalSearchText();
        journalRetention = config.journalRetention();
        journalRetentionBytes = config.journalRetentionBytes();
        journalErasureDelay = config.journalErasureDelay();
        journalRetentionMode = config.journalRetentionMode();
        adminToken = config.adminToken();
        reportToken = config.reportToken();
        eventLoopThreads = config.eventLoopThreads();
        shutdownTimeoutMs = config.shutdownTimeoutMs();
        maxConnectionsPerAddress = config.maxConnectionsPerAddress();
        handshakesPerSecond = config.handshakesPerSecond();
        maxPendingWriteBytes = config.maxPendingWriteBytes();
        writeStallTimeoutMs = config.writeStallTimeoutMs();
        signingKey = config.signingKey();
        signingKeyFile = config.signingKeyFile();
        signingKeyPrevious = config.signingKeyPrevious();
        signingKeyPreviousFile = config.signingKeyPreviousFile();
        tokenMaxTtlMs = config.tokenMaxTtlMs();
        metricsBind = config.metricsBind();
        metricsPort = config.metricsPort();
        tlsCertFile = config.tlsCertFile();
        tlsKeyFile = config.tlsKeyFile();
        trustedProxies = config.trustedProxies();
        clientAddress = config.clientAddress();
        logFormat = config.logFormat();
        logLevel = config.logLevel();
        drainDelay = config.drainDelay();
        closeSpread = config.closeSpread();
        adminTokenFile = config.adminTokenFile();
        reportTokenFile = config.reportTokenFile();
        demo = config.demo();
        tlsWatchMs = config.tlsWatchMs();
    }

    public ServerConfigBuilder bind(final String bind)
    {
        this.bind = bind;
        return this;
    }

    public ServerConfigBuilder port(final int port)
    {
        this.port = port;
        return this;
    }

    public ServerConfigBuilder dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    public ServerConfigBuilder catalogFile(final Path catalogFile)
    {
        this.catalogFile = catalogFile;
        return this;
    }

    public ServerConfigBuilder catalogWatchMs(final long catalogWatchMs)
    {
        this.catalogWatchMs = catalogWatchMs;
        return this;
    }

    public ServerConfigBuilder maxMessageBytes(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    public ServerConfigBuilder readTimeoutMs(final long readTimeoutMs)
    {
        this.readTimeoutMs = readTimeoutMs;
        return this;
    }

    public ServerConfigBuilder handshakeTimeoutMs(final long handshakeTimeoutMs)
    {
        this.handshakeTimeoutMs = handshakeTimeoutMs;
        return this;
    }

    public ServerConfigBuilder messagesPerSecond(final int messagesPerSecond)
    {
        this.messagesPerSecond = messagesPerSecond;
        return this;
    }

    public ServerConfigBuilder messageBurst(final int messageBurst)
    {
        this.messageBurst = messageBurst;
        return this;
    }

    public ServerConfigBuilder rateLimitCloseMs(final long rateLimitCloseMs)
    {
        this.rateLimitCloseMs = rateLimitCloseMs;
        return this;
    }

    public ServerConfigBuilder maxRejectedMessages(final int maxRejectedMessages)
    {
        this.maxRejectedMessages = maxRejectedMessages;
        return this;
    }

    public ServerConfigBuilder allowMissingOrigin(final boolean allowMissingOrigin)
    {
        this.allowMissingOrigin = allowMissingOrigin;
        return this;
    }

    public ServerConfigBuilder maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    public ServerConfigBuilder expectedSessions(final int expectedSessions)
    {
        this.expectedSessions = expectedSessions;
        return this;
    }

    public ServerConfigBuilder resetCorruptSessions(final boolean resetCorruptSessions)
    {
        this.resetCorruptSessions = resetCorruptSessions;
        return this;
    }

    public ServerConfigBuilder fsyncPolicy(final FsyncPolicy fsyncPolicy)
    {
        this.fsyncPolicy = fsyncPolicy;
        return this;
    }

    public ServerConfigBuilder fsyncIntervalMs(final long fsyncIntervalMs)
    {
        this.fsyncIntervalMs = fsyncIntervalMs;
        return this;
    }

    public ServerConfigBuilder journalSegmentBytes(final long journalSegmentBytes)
    {
        this.journalSegmentBytes = journalSegmentBytes;
        return this;
    }

    public ServerConfigBuilder journalBufferBytes(final int journalBufferBytes)
    {
        this.journalBufferBytes = journalBufferBytes;
        return this;
    }

    public ServerConfigBuilder journalSearchText(final boolean journalSearchText)
    {
        this.journalSearchText = journalSearchText;
        return this;
    }

    public ServerConfigBuilder journalRetention(final long journalRetention)
    {
        this.journalRetention = journalRetention;
        return this;
    }

    public ServerConfigBuilder journalRetentionBytes(final long journalRetentionBytes)
    {
        this.journalRetentionBytes = journalRetentionBytes;
        return this;
    }

    public ServerConfigBuilder journalErasureDelay(final long journalErasureDelay)
    {
        this.journalErasureDelay = journalErasureDelay;
        return this;
    }

    public ServerConfigBuilder journalRetentionMode(final RetentionMode journalRetentionMode)
    {
        this.journalRetentionMode = journalRetentionMode;
        return this;
    }

    public ServerConfigBuilder reportToken(final String reportToken)
    {
        this.reportToken = reportToken;
        return this;
    }

    public ServerConfigBuilder adminToken(final String adminToken)
    {
        this.adminToken = adminToken;
        return this;
    }

    public ServerConfigBuilder eventLoopThreads(final int eventLoopThreads)
    {
        this.eventLoopThreads = eventLoopThreads;
        return this;
    }

    public ServerConfigBuilder shutdownTimeoutMs(final long shutdownTimeoutMs)
    {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        return this;
    }

    public ServerConfigBuilder maxConnectionsPerAddress(final int maxConnectionsPerAddress)
    {
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        return this;
    }

    public ServerConfigBuilder handshakesPerSecond(final int handshakesPerSecond)
    {
        this.handshakesPerSecond = handshakesPerSecond;
        return this;
    }

    public ServerConfigBuilder maxPendingWriteBytes(final int maxPendingWriteBytes)
    {
        this.maxPendingWriteBytes = maxPendingWriteBytes;
        return this;
    }

    public ServerConfigBuilder writeStallTimeoutMs(final long writeStallTimeoutMs)
    {
        this.writeStallTimeoutMs = writeStallTimeoutMs;
        return this;
    }

    public ServerConfigBuilder signingKey(final SigningKey signingKey)
    {
        this.signingKey = signingKey;
        return this;
    }

    public ServerConfigBuilder signingKeyFile(final Path signingKeyFile)
    {
        this.signingKeyFile = signingKeyFile;
        return this;
    }

    public ServerConfigBuilder signingKeyPrevious(final SigningKey signingKeyPrevious)
    {
        this.signingKeyPrevious = signingKeyPrevious;
        return this;
    }

    public ServerConfigBuilder signingKeyPreviousFile(final Path signingKeyPreviousFile)
    {
        this.signingKeyPreviousFile = signingKeyPreviousFile;
        return this;
    }

    public ServerConfigBuilder tokenMaxTtlMs(final long tokenMaxTtlMs)
    {
        this.tokenMaxTtlMs = tokenMaxTtlMs;
        return this;
    }

    public ServerConfigBuilder metricsBind(final String metricsBind)
    {
        this.metricsBind = metricsBind;
        return this;
    }

    public ServerConfigBuilder metricsPort(final Integer metricsPort)
    {
        this.metricsPort = metricsPort;
        return this;
    }

    public ServerConfigBuilder tlsCertFile(final Path tlsCertFile)
    {
        this.tlsCertFile = tlsCertFile;
        return this;
    }

    public ServerConfigBuilder tlsKeyFile(final Path tlsKeyFile)
    {
        this.tlsKeyFile = tlsKeyFile;
        return this;
    }

    public ServerConfigBuilder trustedProxies(final AddressRanges trustedProxies)
    {
        this.trustedProxies = trustedProxies;
        return this;
    }

    public ServerConfigBuilder clientAddress(final ClientAddressSource clientAddress)
    {
        this.clientAddress = clientAddress;
        return this;
    }

    public ServerConfigBuilder logFormat(final LogFormat logFormat)
    {
        this.logFormat = logFormat;
        return this;
    }

    public ServerConfigBuilder logLevel(final LogLevel logLevel)
    {
        this.logLevel = logLevel;
        return this;
    }

    public ServerConfigBuilder drainDelay(final long drainDelay)
    {
        this.drainDelay = drainDelay;
        return this;
    }

    public ServerConfigBuilder closeSpread(final long closeSpread)
    {
        this.closeSpread = closeSpread;
        return this;
    }

    public ServerConfigBuilder adminTokenFile(final Path adminTokenFile)
    {
        this.adminTokenFile = adminTokenFile;
        return this;
    }

    public ServerConfigBuilder reportTokenFile(final Path reportTokenFile)
    {
        this.reportTokenFile = reportTokenFile;
        return this;
    }

    public ServerConfigBuilder demo(final Boolean demo)
    {
        this.demo = demo;
        return this;
    }

    public ServerConfigBuilder tlsWatchMs(final long tlsWatchMs)
    {
        this.tlsWatchMs = tlsWatchMs;
        return this;
    }

    public ServerConfig build()
    {
        return new ServerConfig(bind, port, dataDir, catalogFile, catalogWatchMs, maxMessageBytes, readTimeoutMs, handshakeTimeoutMs,
            messagesPerSecond, messageBurst, rateLimitCloseMs, maxRejectedMessages, allowMissingOrigin, maxConnections, expectedSessions,
            resetCorruptSessions, fsyncPolicy, fsyncIntervalMs, journalSegmentBytes, journalBufferBytes, journalSearchText,
            journalRetention, journalRetentionBytes, journalErasureDelay, journalRetentionMode, adminToken,
            reportToken, eventLoopThreads, shutdownTimeoutMs, maxConnectionsPerAddress, handshakesPerSecond, maxPendingWriteBytes, writeStallTimeoutMs,
            signingKey, signingKeyFile, signingKeyPrevious, signingKeyPreviousFile, tokenMaxTtlMs, metricsBind, metricsPort, tlsCertFile,
            tlsKeyFile, trustedProxies, clientAddress, logFormat, logLevel, drainDelay, closeSpread, adminTokenFile, reportTokenFile, demo, tlsWatchMs);
    }
}
