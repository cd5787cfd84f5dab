package dev.pulse.server.webhook;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.WebhookSettings;
import dev.pulse.server.node.NodeIdentity;

/**
 * What the webhooks run with: the checked settings, and the timings that are not settings (a test
 * shortens them).
 *
 * @param urls             the endpoints; each gets every record.
 * @param secret           the signing secret.
 * @param maxAttempts      tries per record and endpoint before it is dead-lettered.
 * @param events           the record types sent.
 * @param node             the first part of every record id.
 * @param timeoutMs        how long one request may take, connect to answer, before it counts as failed.
 * @param firstBackoffMs   the wait after a first failure; it doubles with each failure.
 * @param maxBackoffMs     the longest wait between two tries.
 * @param lanes            lanes per endpoint: sessions hash to a lane, and one slow session holds back only its lane.
 * @param laneCapacity     records waiting in a lane before the tail stops reading (the journal is the buffer).
 */
public record WebhookConfiguration(List<URI> urls, byte[] secret, int maxAttempts, Set<JournalRecordType> events, String node,
    long timeoutMs, long firstBackoffMs, long maxBackoffMs, int lanes, int laneCapacity)
{
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_FIRST_BACKOFF_MS = 1_000;
    public static final long DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;
    public static final int DEFAULT_LANES = 4;
    public static final int DEFAULT_LANE_CAPACITY = 1_000;

    /** From the settings, checked again (a bad one throws, exit 2); no endpoints (an empty {@link #urls()}) when {@code webhook_url} is not set. */
    public static WebhookConfiguration of(final ServerConfig config) throws ConfigException
    {
        WebhookSettings.require(config);
        final List<URI> urls = WebhookSettings.urls(config);
        return new WebhookConfiguration(urls, urls.isEmpty() ? new byte[0] : WebhookSettings.secret(config), config.webhookMaxAttempts(),
            WebhookSettings.events(config), NodeIdentity.resolve(config), DEFAULT_TIMEOUT_MS, DEFAULT_FIRST_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS,
            DEFAULT_LANES, DEFAULT_LANE_CAPACITY);
    }

    /**
     * The hand-offs' webhooks ({@link HandoffWebhooks}): their URLs are in the catalog, their secret is
     * {@code webhook_secret_file}'s whenever it is set (webhook_url need not be); without it, empty.
     */
    public static WebhookConfiguration handoffs(final ServerConfig config) throws ConfigException
    {
        return new WebhookConfiguration(List.of(), config.webhookSecretFile() == null ? new byte[0] : WebhookSettings.secret(config),
            config.webhookMaxAttempts(), Set.of(JournalRecordType.HANDOFF), NodeIdentity.resolve(config), DEFAULT_TIMEOUT_MS,
            DEFAULT_FIRST_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_LANES, DEFAULT_LANE_CAPACITY);
    }

    /** The same with other timings: for tests. */
    public WebhookConfiguration withTimings(final long timeoutMs, final long firstBackoffMs, final long maxBackoffMs)
    {
        return new WebhookConfiguration(urls, secret, maxAttempts, events, node, timeoutMs, firstBackoffMs, maxBackoffMs, lanes, laneCapacity);
    }
}
