package dev.pulse.server.config;

/**
 * What each {@link Setting} means, in the words {@code --help} shows beside its flag, and the
 * placeholder for its value. The switches name every constant without a default branch, so a new
 * setting does not compile until it is explained here.
 */
final class SettingHelp
{
    private SettingHelp()
    {
    }

    /** One or two sentences: what the setting does, for an operator. */
    static String meaning(final Setting setting)
    {
        return switch (setting)
        {
            case BIND -> "Address to listen on.";
            case PORT -> "Port for WebSocket and HTTP; 0 picks a free one.";
            case DATA_DIR -> "Where sessions and the journal live.";
            case CATALOG_FILE -> "The catalog; reloaded when it changes. Without one, the bundled demo catalog (see --demo).";
            case CATALOG_WATCH_MS -> "How often the catalog file is checked for changes; 0: never.";
            case MAX_MESSAGE_BYTES -> "Largest message after joining fragments; a larger one closes 1009.";
            case READ_TIMEOUT_MS -> "A connection silent this long is closed (1000, idle).";
            case HANDSHAKE_TIMEOUT_MS -> "A connection must send its upgrade request this fast.";
            case MESSAGES_PER_SECOND -> "Per-connection message rate; the excess is dropped with rate_limited.";
            case MESSAGE_BURST -> "Per-connection burst of messages above the rate.";
            case RATE_LIMIT_CLOSE_MS -> "Over the rate this long closes the connection (1008).";
            case MAX_REJECTED_MESSAGES -> "Rejected messages before a 1008 close.";
            case ALLOW_MISSING_ORIGIN -> "Accept WebSocket handshakes without an Origin header (load tests, native clients).";
            case MAX_CONNECTIONS -> "Connections at once; more are refused with HTTP 503.";
            case EXPECTED_SESSIONS -> "The session map's size; new sessions beyond it close 1013.";
            case RESET_CORRUPT_SESSIONS -> "Move a damaged session map aside and start with no sessions (off: refuse to start, exit 4).";
            case FSYNC_POLICY -> "When the journal forces writes to disk.";
            case FSYNC_INTERVAL_MS -> "Under fsync_policy interval, the longest a write waits to be forced.";
            case JOURNAL_SEGMENT_BYTES -> "A journal segment file rolls over at this size.";
            case JOURNAL_BUFFER_BYTES -> "The ring buffer between the event loops and the journal thread.";
            case JOURNAL_SEARCH_TEXT -> "Journal search text in clear (off: its length and a keyed hash).";
            case JOURNAL_RETENTION -> "Sealed journal segments whose records are all older than this are deleted (at least 1d).";
            case JOURNAL_RETENTION_BYTES -> "While the journal is larger, its oldest sealed segment is deleted; 0: no limit.";
            case JOURNAL_ERASURE_DELAY -> "An erased session's records are gone from disk within this plus about a minute.";
            case JOURNAL_RETENTION_MODE -> "What retention does with an old segment: delete it, or compact it to the report's records.";
            case ADMIN_TOKEN -> "Token for /admin/* and /preview; without one they are off (404). "
                + "Prefer --admin-token-file: command lines are visible to other users.";
            case REPORT_TOKEN -> "A read-only token that opens GET /admin/report and nothing else. Prefer --report-token-file.";
            case EVENT_LOOP_THREADS -> "Netty event loops; 0: one per core.";
            case SHUTDOWN_TIMEOUT_MS -> "A graceful stop gives up after this long.";
            case MAX_CONNECTIONS_PER_ADDRESS -> "WebSocket connections from one client address (an IPv6 /64 counts as one); "
                + "more are refused with HTTP 429; 0: no cap.";
            case HANDSHAKES_PER_SECOND -> "WebSocket handshakes accepted per second; more are refused with HTTP 503; 0: no cap.";
            case MAX_PENDING_WRITE_BYTES -> "Bytes waiting for a client that does not read; past it the connection closes 1013.";
            case WRITE_STALL_TIMEOUT_MS -> "A connection whose writes stay backed up this long closes 1013.";
            case SIGNING_KEY -> "The site's key for signed sessions (openssl rand -hex 32); with one, hello needs a token. "
                + "Prefer --signing-key-file.";
            case SIGNING_KEY_FILE -> "A file holding the signing key, instead of signing_key.";
            case SIGNING_KEY_PREVIOUS -> "During a key rotation, the previous key, still accepted.";
            case SIGNING_KEY_PREVIOUS_FILE -> "A file holding the previous key, instead of signing_key_previous.";
            case TOKEN_MAX_TTL_MS -> "A session token expiring further ahead than this is refused.";
            case METRICS_BIND -> "Address of the metrics listener; none: the same as bind.";
            case METRICS_PORT -> "Serve /metrics, /healthz and /readyz on a listener of their own (0 picks a port); "
                + "none: /metrics on the main port.";
            case TLS_CERT_FILE -> "PEM certificate chain, leaf first: the port then serves only https:// and wss:// (with tls_key_file).";
            case TLS_KEY_FILE -> "PEM private key (unencrypted PKCS#8) of that certificate.";
            case TRUSTED_PROXIES -> "Peers (addresses or CIDR ranges) whose forwarded client address is believed.";
            case CLIENT_ADDRESS -> "Where a trusted peer's connection takes its client address from: the peer itself, "
                + "the Forwarded / X-Forwarded-For headers, or the PROXY protocol.";
            case LOG_FORMAT -> "Log records as text lines, or one JSON object per line.";
            case LOG_LEVEL -> "The least severe level logged.";
            case DRAIN_DELAY -> "After SIGTERM, /readyz answers 503 and new connections are still served this long.";
            case CLOSE_SPREAD -> "After the drain delay, open sessions are closed (1001) spread over this long.";
            case ADMIN_TOKEN_FILE -> "A file holding the admin token (one trailing newline is ignored), instead of admin_token.";
            case REPORT_TOKEN_FILE -> "A file holding the report token (one trailing newline is ignored), instead of report_token.";
            case DEMO -> "Serve the demo shop at /demo/ (and, without a catalog_file, the demo catalog). "
                + "None (the default): on only when no catalog_file is given.";
            case TLS_WATCH_MS -> "How often the TLS certificate and key files are checked for changes; 0: never (SIGHUP still reloads).";
            case NODE_ID -> "This node's name in a cluster (1 to 64 of A-Z a-z 0-9 . _ -): record ids on Kafka and in webhooks. None: the host name.";
            case CLUSTER_KEY_FILE -> "A file holding the key every node of a cluster shares (hex or base64, at least 32 bytes): sessions carry their promises to another node. None: no carry.";
            case KAFKA_BOOTSTRAP -> "Kafka's bootstrap servers (host:port,...): the journal is shipped to kafka_topic. None: no shipping.";
            case KAFKA_TOPIC -> "The Kafka topic the journal is shipped to.";
            case KAFKA_PROPERTIES_FILE -> "A Java properties file of extra Kafka producer settings (security.protocol, sasl.*, ssl.*).";
            case WEBHOOK_URL -> "Where answers, dismisses, responses shown and outcomes are POSTed as signed JSON (https, or http to a loopback address only; several: comma-separated; needs webhook_secret_file). None: no webhooks.";
            case WEBHOOK_SECRET_FILE -> "A file holding the webhooks' signing secret (HMAC-SHA256; at least 16 characters).";
            case WEBHOOK_MAX_ATTEMPTS -> "Tries per webhook delivery before it goes to the dead-letter file.";
            case WEBHOOK_EVENTS -> "Which records are sent to webhook_url: any of answer, dismiss, response, feedback, outcome, comma-separated.";
            case INGEST_KEYS_FILE -> "The backend ingest's keys: lines of '<site> <key id> <secret>' (secret at least 32 characters); reread on SIGHUP. None: POST /v1/sites/{site}/events is 404.";
            case INGEST_RATE_PER_KEY -> "Backend events a second one ingest key may post (bursts of as many); above it 429.";
            case INGEST_MAX_BODY_BYTES -> "The largest backend event body taken (256 B to 64 KiB); a larger one is 400.";
        };
    }

    /** The placeholder for the value in {@code --help}: {@code DURATION}, {@code always|interval|never}. */
    static String paramLabel(final Setting setting)
    {
        return switch (setting.kind())
        {
            case TEXT -> "ADDRESS";
            case TOKEN -> "TOKEN";
            case INTEGER -> "N";
            case DURATION -> "DURATION";
            case SIZE -> "SIZE";
            case BOOLEAN -> "true|false";
            case PATH -> setting.key().endsWith("_dir") ? "DIR" : "FILE";
            case FSYNC_POLICY -> "always|interval|never";
            case RETENTION_MODE -> "delete|compact";
            case ADDRESS_RANGES -> "CIDRS";
            case CLIENT_ADDRESS -> "peer|forwarded|proxy_protocol";
            case LOG_FORMAT -> "text|json";
            case LOG_LEVEL -> "LEVEL";
            case SIGNING_KEY -> "KEY";
        };
    }

    /** The short flag an older command line used, kept working beside the generated one; null for none. */
    static String alias(final Setting setting)
    {
        return switch (setting)
        {
            case DATA_DIR -> "--data";
            case CATALOG_FILE -> "--catalog";
            case FSYNC_POLICY -> "--fsync";
            case TLS_CERT_FILE -> "--tls-cert";
            case TLS_KEY_FILE -> "--tls-key";
            default -> null;
        };
    }
}
