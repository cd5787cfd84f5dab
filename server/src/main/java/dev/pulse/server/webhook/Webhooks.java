package dev.pulse.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.SegmentHold;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;
import dev.pulse.server.config.WebhookSettings;
import dev.pulse.server.metrics.Metrics;

/**
 * The webhooks of a server: a {@link WebhookTail} thread reading the journal and, per endpoint,
 * {@link WebhookConfiguration#lanes()} {@link WebhookLane} threads posting; none on an event loop.
 * Their files live in {@code <data_dir>/webhooks/}: {@code journal.offset} (the durable position, a
 * {@link TailOffsetFile}) and {@code dead-letter.jsonl} ({@link DeadLetterFile}). The first start
 * (no offset file yet) begins at the journal's end: what was written before webhooks were turned on
 * is not sent. Start it before the journal's upkeep, so the upkeep's first pass sees its hold.
 * {@link #run} is the machinery without the choice of records, which {@link HandoffWebhooks} runs too.
 */
public final class Webhooks implements AutoCloseable
{
    static final String DIRECTORY = "webhooks";
    static final String OFFSET_FILE = "journal.offset";
    static final String DEAD_LETTER_FILE = "dead-letter.jsonl";
    /** No webhooks: what a server without {@code webhook_url} runs; closing it does nothing. */
    public static final Webhooks NONE = new Webhooks(null, null, null);
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final List<Thread> threads = new ArrayList<>();
    private final List<WebhookLane> lanes = new ArrayList<>();
    private final WebhookTail tail;
    private final JournalTail journalTail;
    private final SegmentHold hold;

    private Webhooks(final WebhookTail tail, final JournalTail journalTail, final SegmentHold hold)
    {
        this.tail = tail;
        this.journalTail = journalTail;
        this.hold = hold;
    }

    /**
     * Starts the webhooks of {@code configuration} over the journal of a server whose data directory
     * is {@code dataDir}, or only registers their (zero) metrics when it names no endpoint.
     */
    public static Webhooks start(final WebhookConfiguration configuration, final Path dataDir, final Path journalDir, final Journal journal,
        final Metrics metrics) throws IOException
    {
        final WebhookMetrics counts = new WebhookMetrics();
        final WebhookProgress progress = new WebhookProgress();
        counts.register(metrics, progress, System::currentTimeMillis);
        if (configuration.urls().isEmpty())
        {
            return NONE;
        }
        final Set<JournalRecordType> events = configuration.events();
        final WebhookTail.Selector selector = (record, segment, offset, sequence, endpoints) ->
        {
            if (!events.contains(record.type()) || record.sidHi() == 0 && record.sidLo() == 0)
            {
                return null;
            }
            final RecordId id = new RecordId(configuration.node(), segment, offset);
            return new WebhookDelivery(sequence, new TailPosition(segment, offset), id.toString(), WebhookSettings.eventName(record.type()),
                record.timestampMs(), WebhookDelivery.sessionHash(record.sidHi(), record.sidLo()), WebhookBody.of(record, id), endpoints, null);
        };
        return run(new Run(dataDir, "webhooks", "pulse-webhook", OFFSET_FILE, DEAD_LETTER_FILE), journalDir, journal, configuration,
            configuration.urls(), counts, progress, selector, "events " + events);
    }

    /**
     * A run of webhooks: where it keeps its position and its dead letters (under {@code <data_dir>/webhooks/}), the name of its
     * hold on the journal's segments, and the first part of its threads' names.
     */
    record Run(Path dataDir, String holdName, String threadPrefix, String offsetFile, String deadLetterFile)
    {
    }

    /**
     * Starts a tail over the journal from the saved position (the journal's end on a first start)
     * and {@link WebhookConfiguration#lanes()} lanes per endpoint of {@code urls} (a null endpoint:
     * each delivery names its own), sending what {@code selector} makes of each record.
     */
    static Webhooks run(final Run where, final Path journalDir, final Journal journal, final WebhookConfiguration configuration,
        final List<URI> urls, final WebhookMetrics counts, final WebhookProgress progress, final WebhookTail.Selector selector,
        final String description) throws IOException
    {
        final Path dir = Files.createDirectories(where.dataDir().resolve(DIRECTORY));
        final TailOffsetFile offsetFile = new TailOffsetFile(dir.resolve(where.offsetFile()));
        final TailPosition saved = offsetFile.read();
        final TailPosition from = saved != null ? saved : end(journalDir, journal);
        if (saved == null)
        {
            offsetFile.write(from);
        }
        final SegmentHold hold = journal.holds().hold(where.holdName(), from.segment());
        final List<WebhookLane[]> byEndpoint = new ArrayList<>();
        final JournalTail journalTail = JournalTail.open(journalDir, from);
        final WebhookTail reader = new WebhookTail(journalTail, from, offsetFile, hold, selector, byEndpoint, progress);
        final Webhooks webhooks = new Webhooks(reader, journalTail, hold);
        final HttpClient http = WebhookPoster.client(configuration.timeoutMs());
        final DeadLetterFile deadLetters = new DeadLetterFile(dir.resolve(where.deadLetterFile()));
        for (final URI url : urls)
        {
            final WebhookLane[] endpointLanes = new WebhookLane[configuration.lanes()];
            for (int i = 0; i < endpointLanes.length; i++)
            {
                endpointLanes[i] = new WebhookLane(url, new WebhookPoster(http, configuration.secret(), configuration.timeoutMs()),
                    configuration, deadLetters, counts, delivery ->
                    {
                        if (delivery.endpointDone())
                        {
                            progress.done(delivery);
                        }
                    });
                webhooks.lanes.add(endpointLanes[i]);
                webhooks.threads.add(new Thread(endpointLanes[i],
                    where.threadPrefix() + "-" + (url == null ? "lane" : url.getHost()) + "-" + i));
            }
            byEndpoint.add(endpointLanes);
        }
        webhooks.threads.add(new Thread(reader, where.threadPrefix() + "-tail"));
        for (final Thread thread : webhooks.threads)
        {
            thread.setDaemon(true);
            thread.start();
        }
        LOG.info("{}: {} endpoint(s), {}, from journal position {}{}", where.holdName(), urls.size(), description, from,
            saved == null ? " (the journal's end: first start)" : "");
        return webhooks;
    }

    /** The journal's end now: the active segment read through (a first start sends nothing written before it). */
    private static TailPosition end(final Path journalDir, final Journal journal) throws IOException
    {
        try (JournalTail scan = JournalTail.open(journalDir, new TailPosition(journal.activeSegmentIndex(), 0)))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (scan.poll(record))
            {
                // Passing over what is already written.
            }
            return scan.position();
        }
    }

    /** Stops the threads (a request under way is cut short and sent again by the next start) and saves the position. */
    @Override
    public void close()
    {
        if (tail == null)
        {
            return;
        }
        tail.stop();
        lanes.forEach(WebhookLane::stop);
        // The lanes only: a request or a backoff is cut short. The tail stops by itself within a wait, and saves the position
        // last (an interrupt would close the offset file's channel under it).
        for (final Thread thread : threads.subList(0, threads.size() - 1))
        {
            thread.interrupt();
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        hold.close();
        try
        {
            journalTail.close();
        }
        catch (final IOException ex)
        {
            LOG.warn("could not close the webhooks' journal tail", ex);
        }
    }
}
