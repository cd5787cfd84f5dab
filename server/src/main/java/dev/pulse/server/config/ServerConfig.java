package dev.pulse.server.config;

import java.nio.file.Path;

import dev.pulse.server.auth.SigningKey;

import dev.pulse.journal.FsyncPolicy;
/**
 * Every setting of a running Pulse server, with its default. Built by {@code ConfigLoader} from
 * the defaults, then a YAML file ({@code --config}), then {@code PULSE_*} environment variables,
 * then command-line flags, each overriding the one before. Immutable.
 *
 * @param bind                      address to listen on.
 * @param port                      port for WebSocket and HTTP (0 picks a free one).
 * @param dataDir                   where sessions and the journal live.
 * @param catalogFile               the catalog, or null for the bundled demo catalog.
 * @param catalogWatchMs            how often to check the catalog file for changes (0: never).
 * @param maxMessageBytes           largest message, after fragments are joined (larger: close 1009).
 * @param readTimeoutMs             a connection that sends nothing this long is closed (1000, idle).
 * @param handshakeTimeoutMs        a connection must finish its WebSocket handshake this fast.
 * @param messagesPerSecond         sustained message rate per connection.
 * @param messageBurst              burst allowance per connection.
 * @param rateLimitCloseMs          over the rate this long closes the connection (1008).
 * @param maxRejectedMessages       rejected messages allowed per connection before a 1008 close.
 * @param allowMissingOrigin        accept handshakes without an Origin header (load tests, native clients).
 * @param maxConnections            connections allowed at once; more are refused (HTTP 503).
 * @param expectedSessions          sessions the session map is sized for.
 * @param resetCorruptSessions      a damaged session map file is moved aside and the server starts with no sessions
 *                                  (off: it refuses to start and says what to do).
 * @param fsyncPolicy               when the journal forces writes to disk.
 * @param fsyncIntervalMs           the bound for {@link FsyncPolicy#INTERVAL}.
 * @param journalSegmentBytes       a journal segment file rolls over at this size.
 * @param journalBufferBytes        the ring buffer between event loops and the journal thread.
 * @param journalSearchText         journal search text in clear (off: only its length and a keyed hash).
 * @param adminToken                bearer token for /admin and /preview; null turns them off.
 * @param eventLoopThreads          Netty event loops (0: one per core).
 * @param shutdownTimeoutMs         graceful shutdown gives up after this long.
 * @param maxConnectionsPerAddress  WebSocket connections allowed at once from one client address (an
 *                                  IPv6 /64 counts as one); more are refused (HTTP 429). 0: no cap.
 * @param handshakesPerSecond       WebSocket handshakes accepted per second by the whole server, in
 *                                  bursts of as many; more are refused (HTTP 503, Retry-After). 0: no cap.
 * @param maxPendingWriteBytes      bytes a connection may have waiting to be written to a client that
 *                                  does not read; past it the connection is closed (1013).
 * @param writeStallTimeoutMs       a connection whose client has not taken its writes for this long is
 *                                  closed (1013).
 * @param signingKey                the key session tokens are signed with; with one, hello needs a valid token. Null: no signing.
 * @param signingKeyFile            a file holding that key instead (only one of the two).
 * @param signingKeyPrevious        during a key rotation, the previous key, still accepted.
 * @param signingKeyPreviousFile    a file holding the previous key instead.
 * @param tokenMaxTtlMs             a session token expiring further ahead than this is refused.
 * @param metricsBind               address of the metrics listener; null: the same as {@code bind}.
 * @param metricsPort               a separate listener for /metrics, /healthz, /readyz (0 picks one);
 *                                  null: /metrics is served on the main port.
 * @param tlsCertFile               PEM certificate chain: the main port then speaks only TLS (wss://, https://).
 * @param tlsKeyFile                PEM private key (PKCS#8) of that certificate.
 */
public record ServerConfig(
    String bind,
    int port,
    Path dataDir,
    Path catalogFile,
    long catalogWatchMs,
    int maxMessageBytes,
    long readTimeoutMs,
    long handshakeTimeoutMs,
    int messagesPerSecond,
    int messageBurst,
    long rateLimitCloseMs,
    int maxRejectedMessages,
    boolean allowMissingOrigin,
    int maxConnections,
    int expectedSessions,
    boolean resetCorruptSessions,
    FsyncPolicy fsyncPolicy,
    long fsyncIntervalMs,
    long journalSegmentBytes,
    int journalBufferBytes,
    boolean journalSearchText,
    String adminToken,
    int eventLoopThreads,
    long shutdownTimeoutMs,
    int maxConnectionsPerAddress,
    int handshakesPerSecond,
    int maxPendingWriteBytes,
    long writeStallTimeoutMs,
    SigningKey signingKey,
    Path signingKeyFile,
    SigningKey signingKeyPrevious,
    Path signingKeyPreviousFile,
    long tokenMaxTtlMs,
    String metricsBind,
    Integer metricsPort,
    Path tlsCertFile,
    Path tlsKeyFile)
{
    /** The defaults: the demo on port 8080 with data under ./pulse-data. */
    public static ServerConfig defaults()
    {
        return new ServerConfig(
            "0.0.0.0", 8080, Path.of("pulse-data"), null, 1_000,
            4096, 120_000, 10_000,
            50, 100, 10_000, 20,
            false, 100_000, 50_000, false,
            FsyncPolicy.INTERVAL, 100, 64L * 1024 * 1024, 8 * 1024 * 1024, false,
            null, 0, 10_000,
            1_000, 2_000, 256 * 1024, 30_000,
            null, null, null, null, 24L * 60 * 60 * 1000, null, null, null, null);
    }

    /** A builder starting from these values. */
    public Builder toBuilder()
    {
        return new Builder(this);
    }

    /** Changes some settings of a config, keeping the rest. */
    public static final class Builder
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
        private String adminToken;
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

        private Builder(final ServerConfig config)
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
            adminToken = config.adminToken();
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
        }

        public Builder bind(final String bind)
        {
            this.bind = bind;
            return this;
        }

        public Builder port(final int port)
        {
            this.port = port;
            return this;
        }

        public Builder dataDir(final Path dataDir)
        {
            this.dataDir = dataDir;
            return this;
        }

        public Builder catalogFile(final Path catalogFile)
        {
            this.catalogFile = catalogFile;
            return this;
        }

        public Builder catalogWatchMs(final long catalogWatchMs)
        {
            this.catalogWatchMs = catalogWatchMs;
            return this;
        }

        public Builder maxMessageBytes(final int maxMessageBytes)
        {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder readTimeoutMs(final long readTimeoutMs)
        {
            this.readTimeoutMs = readTimeoutMs;
            return this;
        }

        public Builder handshakeTimeoutMs(final long handshakeTimeoutMs)
        {
            this.handshakeTimeoutMs = handshakeTimeoutMs;
            return this;
        }

        public Builder messagesPerSecond(final int messagesPerSecond)
        {
            this.messagesPerSecond = messagesPerSecond;
            return this;
        }

        public Builder messageBurst(final int messageBurst)
        {
            this.messageBurst = messageBurst;
            return this;
        }

        public Builder rateLimitCloseMs(final long rateLimitCloseMs)
        {
            this.rateLimitCloseMs = rateLimitCloseMs;
            return this;
        }

        public Builder maxRejectedMessages(final int maxRejectedMessages)
        {
            this.maxRejectedMessages = maxRejectedMessages;
            return this;
        }

        public Builder allowMissingOrigin(final boolean allowMissingOrigin)
        {
            this.allowMissingOrigin = allowMissingOrigin;
            return this;
        }

        public Builder maxConnections(final int maxConnections)
        {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder expectedSessions(final int expectedSessions)
        {
            this.expectedSessions = expectedSessions;
            return this;
        }

        public Builder resetCorruptSessions(final boolean resetCorruptSessions)
        {
            this.resetCorruptSessions = resetCorruptSessions;
            return this;
        }

        public Builder fsyncPolicy(final FsyncPolicy fsyncPolicy)
        {
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        public Builder fsyncIntervalMs(final long fsyncIntervalMs)
        {
            this.fsyncIntervalMs = fsyncIntervalMs;
            return this;
        }

        public Builder journalSegmentBytes(final long journalSegmentBytes)
        {
            this.journalSegmentBytes = journalSegmentBytes;
            return this;
        }

        public Builder journalBufferBytes(final int journalBufferBytes)
        {
            this.journalBufferBytes = journalBufferBytes;
            return this;
        }

        public Builder journalSearchText(final boolean journalSearchText)
        {
            this.journalSearchText = journalSearchText;
            return this;
        }

        public Builder adminToken(final String adminToken)
        {
            this.adminToken = adminToken;
            return this;
        }

        public Builder eventLoopThreads(final int eventLoopThreads)
        {
            this.eventLoopThreads = eventLoopThreads;
            return this;
        }

        public Builder shutdownTimeoutMs(final long shutdownTimeoutMs)
        {
            this.shutdownTimeoutMs = shutdownTimeoutMs;
            return this;
        }

        public Builder maxConnectionsPerAddress(final int maxConnectionsPerAddress)
        {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        public Builder handshakesPerSecond(final int handshakesPerSecond)
        {
            this.handshakesPerSecond = handshakesPerSecond;
            return this;
        }

        public Builder maxPendingWriteBytes(final int maxPendingWriteBytes)
        {
            this.maxPendingWriteBytes = maxPendingWriteBytes;
            return this;
        }

        public Builder writeStallTimeoutMs(final long writeStallTimeoutMs)
        {
            this.writeStallTimeoutMs = writeStallTimeoutMs;
            return this;
        }

        public Builder signingKey(final SigningKey signingKey)
        {
            this.signingKey = signingKey;
            return this;
        }

        public Builder signingKeyFile(final Path signingKeyFile)
        {
            this.signingKeyFile = signingKeyFile;
            return this;
        }

        public Builder signingKeyPrevious(final SigningKey signingKeyPrevious)
        {
            this.signingKeyPrevious = signingKeyPrevious;
            return this;
        }

        public Builder signingKeyPreviousFile(final Path signingKeyPreviousFile)
        {
            this.signingKeyPreviousFile = signingKeyPreviousFile;
            return this;
        }

        public Builder tokenMaxTtlMs(final long tokenMaxTtlMs)
        {
            this.tokenMaxTtlMs = tokenMaxTtlMs;
            return this;
        }

        public Builder metricsBind(final String metricsBind)
        {
            this.metricsBind = metricsBind;
            return this;
        }

        public Builder metricsPort(final Integer metricsPort)
        {
            this.metricsPort = metricsPort;
            return this;
        }

        public Builder tlsCertFile(final Path tlsCertFile)
        {
            this.tlsCertFile = tlsCertFile;
            return this;
        }

        public Builder tlsKeyFile(final Path tlsKeyFile)
        {
            this.tlsKeyFile = tlsKeyFile;
            return this;
        }

        public ServerConfig build()
        {
            return new ServerConfig(bind, port, dataDir, catalogFile, catalogWatchMs, maxMessageBytes, readTimeoutMs, handshakeTimeoutMs, messagesPerSecond, messageBurst, rateLimitCloseMs, maxRejectedMessages, allowMissingOrigin, maxConnections, expectedSessions, resetCorruptSessions, fsyncPolicy, fsyncIntervalMs, journalSegmentBytes, journalBufferBytes, journalSearchText, adminToken, eventLoopThreads, shutdownTimeoutMs,
                maxConnectionsPerAddress, handshakesPerSecond, maxPendingWriteBytes, writeStallTimeoutMs,
                signingKey, signingKeyFile, signingKeyPrevious, signingKeyPreviousFile, tokenMaxTtlMs, metricsBind, metricsPort, tlsCertFile,
                tlsKeyFile);
        }
    }
}
