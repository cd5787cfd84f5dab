package dev.pulse.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.TailPosition;
import dev.pulse.server.decide.CatalogVersions;
import dev.pulse.server.decide.UnsignedHandoffs;
import dev.pulse.server.metrics.Metrics;

/**
 * Posts hand-offs to the support tool's webhook named in the catalog, as durably as the journal's
 * webhooks: a tail of its own follows the journal's {@code handoff} records (which carry the
 * trigger, question, choice, response, availability and the context the body needs) from a saved
 * position ({@code <data_dir>/webhooks/handoff.offset}), and lanes post each to the webhook its
 * response names in the catalog that served it, signed like every webhook ({@link WebhookSigner},
 * the secret of {@code webhook_secret_file}), tried up to {@code webhook_max_attempts} times with
 * the lanes' backoff, then written to {@code handoff-dead-letter.jsonl}. A restart resends what
 * was not done, from the saved position: at most the ones in flight twice, with the same id
 * ({@link HandoffBody#id}), which receivers drop repeats by. Nothing of this runs on an event loop:
 * the loops only journal the record.
 *
 * <p>Without a secret no hand-off is posted (an unsigned one would be accepted by no receiver that
 * checks): the loops count each one served ({@link #served}), and no tail runs. The first start
 * begins at the journal's end.
 */
public final class HandoffWebhooks implements UnsignedHandoffs, AutoCloseable
{
    static final String OFFSET_FILE = "handoff.offset";
    static final String DEAD_LETTER_FILE = "handoff-dead-letter.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(HandoffWebhooks.class);
    private static final int CHANNEL = 3;

    private final WebhookMetrics counts = new WebhookMetrics();
    private final LongAdder refused = new LongAdder();
    /** Null without a secret: nothing is posted. */
    private Webhooks run;

    private HandoffWebhooks()
    {
    }

    /**
     * Started when {@code configuration} has a signing secret; otherwise one that counts every hand-off served as refused. Its
     * series on {@code /metrics} either way: {@code pulse_handoff_webhook_delivered_total}, {@code _failed_total}, {@code _refused_total}.
     *
     * @param catalogs the catalog versions, for the webhook a record's response names.
     */
    public static HandoffWebhooks start(final WebhookConfiguration configuration, final Path dataDir, final Path journalDir,
        final Journal journal, final CatalogVersions catalogs, final Metrics metrics) throws IOException
    {
        final HandoffWebhooks webhooks = new HandoffWebhooks();
        metrics.counter("pulse_handoff_webhook_delivered_total", "Hand-offs the support tool's webhook answered with 2xx.",
            webhooks.counts.delivered::sum);
        metrics.counter("pulse_handoff_webhook_failed_total",
            "Hand-offs whose webhook never answered 2xx in webhook_max_attempts tries (or refused with a 4xx): in the dead-letter file.",
            webhooks.counts.deadLettered::sum);
        metrics.counter("pulse_handoff_webhook_refused_total",
            "Hand-offs with a webhook not posted: no webhook_secret_file to sign them, or their catalog names no webhook any more.",
            webhooks.refused::sum);
        if (configuration.secret() == null || configuration.secret().length == 0)
        {
            return webhooks;
        }
        final WebhookTail.Selector selector = (record, segment, offset, sequence, endpoints) ->
        {
            if (record.type() != JournalRecordType.HANDOFF || record.stringCount() < HandoffBody.FIRST_CONTEXT
                || !record.string(CHANNEL).contains("webhook"))
            {
                // Not a hand-off with a webhook, or one journaled before its record carried what the body needs.
                return null;
            }
            final URI url = webhook(catalogs, record);
            if (url == null)
            {
                webhooks.refused.increment();
                return null;
            }
            final String id = HandoffBody.id(configuration.node(), record);
            return new WebhookDelivery(sequence, new TailPosition(segment, offset), id, "handoff", record.timestampMs(),
                WebhookDelivery.sessionHash(record.sidHi(), record.sidLo()), HandoffBody.of(id, record), endpoints, url);
        };
        webhooks.run = Webhooks.run(new Webhooks.Run(dataDir, "handoff-webhooks", "pulse-handoff-webhook", OFFSET_FILE, DEAD_LETTER_FILE),
            journalDir, journal, configuration, Collections.singletonList(null), webhooks.counts, new WebhookProgress(), selector, "hand-offs");
        return webhooks;
    }

    /** The webhook of the record's response in the catalog that served it (else the current one), or null when it names none. */
    private static URI webhook(final CatalogVersions catalogs, final JournalRecordFlyweight record)
    {
        final CompiledCatalog catalog = catalogs.byVersionHash(record.catalogVersion());
        final String responseId = HandoffBody.response(record);
        for (final CompiledResponse response : catalog.responses())
        {
            if (response.id().equals(responseId) && response.handoff() != null && response.handoff().webhookUrl() != null)
            {
                try
                {
                    return URI.create(response.handoff().webhookUrl());
                }
                catch (final IllegalArgumentException ex)
                {
                    break;
                }
            }
        }
        LOG.warn("hand-off of response {} not posted: the catalog names no webhook for it any more", responseId);
        return null;
    }

    /** A hand-off with a webhook was served: counted as refused when there is no secret to sign it (else its record is posted). */
    @Override
    public void served()
    {
        if (run == null)
        {
            refused.increment();
        }
    }

    /** Delivered (a 2xx) and dead-lettered hand-offs, and those refused. */
    public long delivered()
    {
        return counts.delivered.sum();
    }

    public long failed()
    {
        return counts.deadLettered.sum();
    }

    public long refused()
    {
        return refused.sum();
    }

    /** Stops the tail and the lanes; a request under way is cut short and sent again by the next start. */
    @Override
    public void close()
    {
        if (run != null)
        {
            run.close();
        }
    }
}
