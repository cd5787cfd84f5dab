package dev.pulse.server.config;

import java.nio.file.Path;

import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalUpkeepConfiguration;
import dev.pulse.journal.RetentionMode;
/**
 * Every setting of a running Pulse server, with its default. Built by {@code ConfigLoader} from
 * the defaults, then a YAML file ({@code --config}), then {@code PULSE_*} environment variables,
 * then command-line flags, each overriding the one before. Immutable.
 *
 * @param bind                      address to listen on.
 * @param port                      port for WebSocket and HTTP (0 picks a free one).
 * @param dataDir                   where sessions and the journal live.
 * @param catalogFile               the catalog, or null for the bundled demo catalog (the demo is then on unless {@code demo} is false, which is refused).
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
 * @param journalRetention          milliseconds: sealed journal segments whose records are all older than this are deleted (at
 *                                  least a day). Named as operators write it ({@code journal_retention: 90d}).
 * @param journalRetentionBytes     while the journal is larger than this, its oldest sealed segment is deleted; 0: no limit
 *                                  (otherwise at least one segment).
 * @param journalErasureDelay       milliseconds: the segment being written is sealed, for compaction to remove an erased session's records
 *                                  from it, once it is this old.
 * @param journalRetentionMode      what retention does with a sealed segment past the age or size: delete it, or compact it to
 *                                  the records the report reads ({@code journal_retention_mode: compact}).
 * @param adminToken                bearer token for /admin and /preview; null (and no {@code adminTokenFile}) turns them off.
 * @param reportToken               a read-only bearer token: it opens GET /admin/report and nothing else; null: none.
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
 * @param trustedProxies            peers (CIDR ranges) whose forwarded client address is believed; none by default.
 * @param clientAddress             where a trusted peer's connection takes its client address from: the peer itself, the forwarding headers or the PROXY protocol.
 * @param logFormat                 log records as text lines or as one JSON object per line.
 * @param logLevel                  the least severe level logged.
 * @param drainDelay                milliseconds: after SIGTERM, /readyz answers 503 and new connections are still served this long, so the balancer stops sending.
 * @param closeSpread               milliseconds: after the drain delay, the open sessions are closed (1001) spread over this long, so their clients do not reconnect in one burst.
 * @param adminTokenFile            a file holding the admin token instead of {@code adminToken} (only one of the two).
 * @param reportTokenFile           a file holding the report token instead of {@code reportToken} (only one of the two).
 * @param demo                      serve the demo shop and its catalog; null: only when no catalog file is given.
 * @param tlsWatchMs                how often to check the TLS certificate and key files for changes (0: never; SIGHUP still reloads them).
 * @param nodeId                    this node's name in a cluster (record ids on Kafka and in webhooks); none: the host name.
 * @param clusterKeyFile            the key the nodes of a cluster share.
 * @param kafkaBootstrap            Kafka bootstrap servers.
 * @param kafkaTopic                the topic.
 * @param kafkaPropertiesFile       extra producer properties.
 * @param webhookUrl                webhook endpoints.
 * @param webhookSecretFile         the webhook secret.
 * @param webhookMaxAttempts        tries per delivery.
 * @param webhookEvents             which records are sent.
 * @param ingestKeysFile            the backend ingest's keys per site; null: the ingest route is off (404).
 * @param ingestRatePerKey          backend events a second one ingest key may post (a burst of as many).
 * @param ingestMaxBodyBytes        the largest backend event body taken (400 above it).
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
    long journalRetention,
    long journalRetentionBytes,
    long journalErasureDelay,
    RetentionMode journalRetentionMode,
    String adminToken,
    String reportToken,
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
    Path tlsKeyFile,
    AddressRanges trustedProxies,
    ClientAddressSource clientAddress,
    LogFormat logFormat,
    LogLevel logLevel,
    long drainDelay,
    long closeSpread,
    Path adminTokenFile,
    Path reportTokenFile,
    Boolean demo,
    long tlsWatchMs,
    String nodeId,
    Path clusterKeyFile,
    String kafkaBootstrap,
    String kafkaTopic,
    Path kafkaPropertiesFile,
    String webhookUrl,
    Path webhookSecretFile,
    int webhookMaxAttempts,
    String webhookEvents,
    Path ingestKeysFile,
    int ingestRatePerKey,
    int ingestMaxBodyBytes)
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
            JournalUpkeepConfiguration.DEFAULT_RETENTION_AGE_MS, 0, JournalUpkeepConfiguration.DEFAULT_ERASURE_DELAY_MS,
            RetentionMode.DELETE,
            null, null, 0, 10_000,
            1_000, 2_000, 256 * 1024, 30_000,
            null, null, null, null, 24L * 60 * 60 * 1000, null, null, null, null,
            AddressRanges.NONE, ClientAddressSource.PEER, LogFormat.TEXT, LogLevel.INFO, 5_000, 5_000, null, null, null, 1_000,
            null, null, null, "pulse-journal", null, null, null, 10, "answer,dismiss,response,outcome",
            null, 100, 4096);
    }

    /** The journal's settings from these; its search-hash key is the data directory's key file (loaded or created at open). */
    public JournalConfiguration journalConfiguration()
    {
        return new JournalConfiguration(fsyncPolicy, fsyncIntervalMs, journalSegmentBytes, journalBufferBytes, journalSearchText, null);
    }

    /** A builder starting from these values. */
    public ServerConfigBuilder toBuilder()
    {
        return new ServerConfigBuilder(this);
    }
}
