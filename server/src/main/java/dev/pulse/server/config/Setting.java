package dev.pulse.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;

import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.net.AddressRanges;
import dev.pulse.server.net.ClientAddressSource;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.RetentionMode;
/**
 * Every setting of {@link ServerConfig} as an operator names it: the constant's name lower-cased
 * is the YAML key ({@code data_dir}), prefixed with {@code PULSE_} it is the environment variable
 * ({@code PULSE_DATA_DIR}), in kebab-case after {@code --} the flag ({@code --data-dir}). Each knows its value's form, its allowed range and how to set it on a
 * builder. A test checks there is one constant per record component.
 */
enum Setting
{
    BIND(ValueKind.TEXT, (b, v) -> b.bind((String)v)),
    PORT(ValueKind.INTEGER, 0, 65_535, (b, v) -> b.port(asInt(v))),
    DATA_DIR(ValueKind.PATH, (b, v) -> b.dataDir((Path)v)),
    CATALOG_FILE(ValueKind.PATH, true, (b, v) -> b.catalogFile((Path)v)),
    CATALOG_WATCH_MS(ValueKind.DURATION, (b, v) -> b.catalogWatchMs(asLong(v))),
    MAX_MESSAGE_BYTES(ValueKind.SIZE, 1, Integer.MAX_VALUE, (b, v) -> b.maxMessageBytes(asInt(v))),
    READ_TIMEOUT_MS(ValueKind.DURATION, (b, v) -> b.readTimeoutMs(asLong(v))),
    HANDSHAKE_TIMEOUT_MS(ValueKind.DURATION, (b, v) -> b.handshakeTimeoutMs(asLong(v))),
    MESSAGES_PER_SECOND(ValueKind.INTEGER, 1, Integer.MAX_VALUE, (b, v) -> b.messagesPerSecond(asInt(v))),
    MESSAGE_BURST(ValueKind.INTEGER, 1, Integer.MAX_VALUE, (b, v) -> b.messageBurst(asInt(v))),
    RATE_LIMIT_CLOSE_MS(ValueKind.DURATION, (b, v) -> b.rateLimitCloseMs(asLong(v))),
    MAX_REJECTED_MESSAGES(ValueKind.INTEGER, 0, Integer.MAX_VALUE, (b, v) -> b.maxRejectedMessages(asInt(v))),
    ALLOW_MISSING_ORIGIN(ValueKind.BOOLEAN, (b, v) -> b.allowMissingOrigin((Boolean)v)),
    MAX_CONNECTIONS(ValueKind.INTEGER, 1, Integer.MAX_VALUE, (b, v) -> b.maxConnections(asInt(v))),
    EXPECTED_SESSIONS(ValueKind.INTEGER, 1, Integer.MAX_VALUE, (b, v) -> b.expectedSessions(asInt(v))),
    RESET_CORRUPT_SESSIONS(ValueKind.BOOLEAN, (b, v) -> b.resetCorruptSessions((Boolean)v)),
    FSYNC_POLICY(ValueKind.FSYNC_POLICY, (b, v) -> b.fsyncPolicy((FsyncPolicy)v)),
    FSYNC_INTERVAL_MS(ValueKind.DURATION, (b, v) -> b.fsyncIntervalMs(asLong(v))),
    JOURNAL_SEGMENT_BYTES(ValueKind.SIZE, 1, Long.MAX_VALUE, (b, v) -> b.journalSegmentBytes(asLong(v))),
    JOURNAL_BUFFER_BYTES(ValueKind.SIZE, 1, Integer.MAX_VALUE, (b, v) -> b.journalBufferBytes(asInt(v))),
    JOURNAL_SEARCH_TEXT(ValueKind.BOOLEAN, (b, v) -> b.journalSearchText((Boolean)v)),
    // Named as the issue and docs name them, without _ms: "90d", "10GiB", "5m". Checked against today's segment at start.
    JOURNAL_RETENTION(ValueKind.DURATION, 1, Long.MAX_VALUE, (b, v) -> b.journalRetention(asLong(v))),
    JOURNAL_RETENTION_BYTES(ValueKind.SIZE, (b, v) -> b.journalRetentionBytes(asLong(v))),
    JOURNAL_ERASURE_DELAY(ValueKind.DURATION, (b, v) -> b.journalErasureDelay(asLong(v))),
    JOURNAL_RETENTION_MODE(ValueKind.RETENTION_MODE, (b, v) -> b.journalRetentionMode((RetentionMode)v)),
    ADMIN_TOKEN(ValueKind.TOKEN, true, (b, v) -> b.adminToken((String)v)),
    REPORT_TOKEN(ValueKind.TOKEN, true, (b, v) -> b.reportToken((String)v)),
    EVENT_LOOP_THREADS(ValueKind.INTEGER, 0, Integer.MAX_VALUE, (b, v) -> b.eventLoopThreads(asInt(v))),
    SHUTDOWN_TIMEOUT_MS(ValueKind.DURATION, (b, v) -> b.shutdownTimeoutMs(asLong(v))),
    MAX_CONNECTIONS_PER_ADDRESS(ValueKind.INTEGER, 0, Integer.MAX_VALUE, (b, v) -> b.maxConnectionsPerAddress(asInt(v))),
    HANDSHAKES_PER_SECOND(ValueKind.INTEGER, 0, Integer.MAX_VALUE, (b, v) -> b.handshakesPerSecond(asInt(v))),
    // At least the channel's high-water mark (64 KiB): below it the cap would close healthy connections.
    MAX_PENDING_WRITE_BYTES(ValueKind.SIZE, 64 * 1024, Integer.MAX_VALUE, (b, v) -> b.maxPendingWriteBytes(asInt(v))),
    WRITE_STALL_TIMEOUT_MS(ValueKind.DURATION, 100, Long.MAX_VALUE, (b, v) -> b.writeStallTimeoutMs(asLong(v))),
    SIGNING_KEY(ValueKind.SIGNING_KEY, true, (b, v) -> b.signingKey((SigningKey)v)),
    SIGNING_KEY_FILE(ValueKind.PATH, true, (b, v) -> b.signingKeyFile((Path)v)),
    SIGNING_KEY_PREVIOUS(ValueKind.SIGNING_KEY, true, (b, v) -> b.signingKeyPrevious((SigningKey)v)),
    SIGNING_KEY_PREVIOUS_FILE(ValueKind.PATH, true, (b, v) -> b.signingKeyPreviousFile((Path)v)),
    TOKEN_MAX_TTL_MS(ValueKind.DURATION, 1_000, Long.MAX_VALUE, (b, v) -> b.tokenMaxTtlMs(asLong(v))),
    METRICS_BIND(ValueKind.TEXT, true, (b, v) -> b.metricsBind((String)v)),
    METRICS_PORT(ValueKind.INTEGER, true, 0, 65_535, (b, v) -> b.metricsPort(v == null ? null : asInt(v))),
    TLS_CERT_FILE(ValueKind.PATH, true, (b, v) -> b.tlsCertFile((Path)v)),
    TLS_KEY_FILE(ValueKind.PATH, true, (b, v) -> b.tlsKeyFile((Path)v)),
    TRUSTED_PROXIES(ValueKind.ADDRESS_RANGES, (b, v) -> b.trustedProxies((AddressRanges)v)),
    CLIENT_ADDRESS(ValueKind.CLIENT_ADDRESS, (b, v) -> b.clientAddress((ClientAddressSource)v)),
    LOG_FORMAT(ValueKind.LOG_FORMAT, (b, v) -> b.logFormat((LogFormat)v)),
    LOG_LEVEL(ValueKind.LOG_LEVEL, (b, v) -> b.logLevel((LogLevel)v)),
    // Named as the issue and docs name them, without _ms: "5s".
    DRAIN_DELAY(ValueKind.DURATION, (b, v) -> b.drainDelay(asLong(v))),
    CLOSE_SPREAD(ValueKind.DURATION, (b, v) -> b.closeSpread(asLong(v))),
    ADMIN_TOKEN_FILE(ValueKind.PATH, true, (b, v) -> b.adminTokenFile((Path)v)),
    REPORT_TOKEN_FILE(ValueKind.PATH, true, (b, v) -> b.reportTokenFile((Path)v)),
    DEMO(ValueKind.BOOLEAN, true, (b, v) -> b.demo((Boolean)v)),
    TLS_WATCH_MS(ValueKind.DURATION, (b, v) -> b.tlsWatchMs(asLong(v))),
    // Issue 18, the cluster: a node's name, the shared key of the carry, Kafka shipping, webhooks.
    NODE_ID(ValueKind.TEXT, true, (b, v) -> b.nodeId((String)v)),
    CLUSTER_KEY_FILE(ValueKind.PATH, true, (b, v) -> b.clusterKeyFile((Path)v)),
    KAFKA_BOOTSTRAP(ValueKind.TEXT, true, (b, v) -> b.kafkaBootstrap((String)v)),
    KAFKA_TOPIC(ValueKind.TEXT, (b, v) -> b.kafkaTopic((String)v)),
    KAFKA_PROPERTIES_FILE(ValueKind.PATH, true, (b, v) -> b.kafkaPropertiesFile((Path)v)),
    WEBHOOK_URL(ValueKind.TEXT, true, (b, v) -> b.webhookUrl((String)v)),
    WEBHOOK_SECRET_FILE(ValueKind.PATH, true, (b, v) -> b.webhookSecretFile((Path)v)),
    WEBHOOK_MAX_ATTEMPTS(ValueKind.INTEGER, 1, 1000, (b, v) -> b.webhookMaxAttempts(asInt(v))),
    WEBHOOK_EVENTS(ValueKind.TEXT, (b, v) -> b.webhookEvents((String)v)),
    // Issue 19, backend events: the keys per site, and what one key may send. The body's cap stays under the HTTP aggregator's 64 KiB.
    INGEST_KEYS_FILE(ValueKind.PATH, true, (b, v) -> b.ingestKeysFile((Path)v)),
    INGEST_RATE_PER_KEY(ValueKind.INTEGER, 1, 1_000_000, (b, v) -> b.ingestRatePerKey(asInt(v))),
    INGEST_MAX_BODY_BYTES(ValueKind.SIZE, 256, 65_536, (b, v) -> b.ingestMaxBodyBytes(asInt(v)));

    /** Environment variables for settings start with this. */
    static final String ENV_PREFIX = "PULSE_";

    private final ValueKind kind;
    private final boolean nullable;
    private final long min;
    private final long max;
    private final BiConsumer<ServerConfigBuilder, Object> setter;

    Setting(final ValueKind kind, final BiConsumer<ServerConfigBuilder, Object> setter)
    {
        this(kind, false, 0, Long.MAX_VALUE, setter);
    }

    Setting(final ValueKind kind, final boolean nullable, final BiConsumer<ServerConfigBuilder, Object> setter)
    {
        this(kind, nullable, 0, Long.MAX_VALUE, setter);
    }

    Setting(final ValueKind kind, final long min, final long max, final BiConsumer<ServerConfigBuilder, Object> setter)
    {
        this(kind, false, min, max, setter);
    }

    Setting(final ValueKind kind, final boolean nullable, final long min, final long max, final BiConsumer<ServerConfigBuilder, Object> setter)
    {
        this.kind = kind;
        this.nullable = nullable;
        this.min = min;
        this.max = max;
        this.setter = setter;
    }

    /** The YAML key and flag-map key: {@code max_message_bytes}. */
    String key()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable: {@code PULSE_MAX_MESSAGE_BYTES}. */
    String environmentVariable()
    {
        return ENV_PREFIX + name();
    }

    /** The command-line flag: {@code --max-message-bytes}. */
    String flag()
    {
        return "--" + key().replace('_', '-');
    }

    /** How the value is written. */
    ValueKind kind()
    {
        return kind;
    }

    /** Whether "none" is a value (YAML {@code ~}). */
    boolean nullable()
    {
        return nullable;
    }

    /** The setting called {@code key} (snake_case), or null. */
    static Setting byKey(final String key)
    {
        for (final Setting setting : values())
        {
            if (setting.key().equals(key))
            {
                return setting;
            }
        }
        return null;
    }

    /**
     * Reads {@code text} and sets it on {@code builder}.
     *
     * @param text the value as written; null where the source can say "no value" (YAML {@code ~}).
     * @return null if set, else why not: the value and what is expected.
     */
    String apply(final ServerConfigBuilder builder, final String text)
    {
        if (text == null)
        {
            if (nullable)
            {
                setter.accept(builder, null);
                return null;
            }
            return "has no value; expected " + expected();
        }
        final Object value = kind.parse(text);
        if (value == null)
        {
            // A secret is never repeated: error messages end up in terminals and logs.
            return (kind.isSecret() ? "the value" : quote(text)) + " is not valid; expected " + expected();
        }
        if (kind.isNumeric() && ((Long)value < min || (Long)value > max))
        {
            return quote(text) + " is out of range; expected " + expected();
        }
        setter.accept(builder, value);
        return null;
    }

    /** What a valid value looks like, range included. */
    String expected()
    {
        final String range;
        if (!kind.isNumeric() || (min == 0 && max == Long.MAX_VALUE))
        {
            range = "";
        }
        else if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE)
        {
            range = ", at least " + min + (kind == ValueKind.SIZE && max == Integer.MAX_VALUE ? " and below 2GiB" : "");
        }
        else
        {
            range = ", from " + min + " to " + max;
        }
        return kind.description() + range + (nullable ? " (or leave it out for none)" : "");
    }

    private static String quote(final String text)
    {
        return '"' + text + '"';
    }

    private static int asInt(final Object value)
    {
        // The range check has run: the value fits.
        return Math.toIntExact((Long)value);
    }

    private static long asLong(final Object value)
    {
        return (Long)value;
    }
}
