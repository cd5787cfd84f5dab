package dev.pulse.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's lane, on a thread of its own: it takes records in the order the tail read them
 * and finishes each (delivered, or dead-lettered after {@code webhook_max_attempts} tries or a
 * refusal) before it starts the next, so a session, which always hashes to the same lane, is
 * delivered in order. Between tries it waits with exponential backoff and jitter: the first wait,
 * doubled each time up to the longest, of which a random half is kept, so endpoints coming back
 * are not hit by every lane at once. A stop leaves the record it holds undone: the durable position
 * stays before it, and the next start sends it again.
 */
final class WebhookLane implements Runnable
{
    private static final Logger LOG = LoggerFactory.getLogger(WebhookLane.class);

    private final URI url;
    private final WebhookPoster poster;
    private final WebhookConfiguration configuration;
    private final DeadLetterFile deadLetters;
    private final WebhookMetrics metrics;
    private final Consumer<WebhookDelivery> onDone;
    private final BlockingQueue<WebhookDelivery> queue;
    private volatile boolean running = true;

    /** @param url the endpoint, or null for a lane whose deliveries each name their own ({@link WebhookDelivery#target()}). */
    WebhookLane(final URI url, final WebhookPoster poster, final WebhookConfiguration configuration, final DeadLetterFile deadLetters,
        final WebhookMetrics metrics, final Consumer<WebhookDelivery> onDone)
    {
        this.url = url;
        this.poster = poster;
        this.configuration = configuration;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.onDone = onDone;
        this.queue = new ArrayBlockingQueue<>(configuration.laneCapacity());
    }

    /** Queues a record; false when the lane is full (the tail waits and offers it again). */
    boolean offer(final WebhookDelivery delivery, final long waitMs) throws InterruptedException
    {
        return queue.offer(delivery, waitMs, TimeUnit.MILLISECONDS);
    }

    /** Stops after the current try; the thread's interrupt cuts a wait or a request short. */
    void stop()
    {
        running = false;
    }

    @Override
    public void run()
    {
        try
        {
            while (running)
            {
                final WebhookDelivery delivery = queue.poll(100, TimeUnit.MILLISECONDS);
                if (delivery != null && deliver(delivery))
                {
                    onDone.accept(delivery);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the record is delivered or dead-lettered; false if the lane stopped first. */
    private boolean deliver(final WebhookDelivery delivery) throws InterruptedException
    {
        String lastError = null;
        int attempt = 0;
        while (attempt < configuration.maxAttempts() && running)
        {
            attempt++;
            final WebhookPoster.Answer answer = poster.post(target(delivery), delivery, attempt, System.currentTimeMillis());
            if (answer.delivered())
            {
                metrics.delivered.increment();
                return true;
            }
            metrics.failedAttempts.increment();
            lastError = answer.error();
            if (!answer.retry())
            {
                break;
            }
            if (attempt < configuration.maxAttempts())
            {
                Thread.sleep(backoffMs(attempt));
            }
        }
        if (!running)
        {
            return false;
        }
        return deadLetter(delivery, attempt, lastError);
    }

    private boolean deadLetter(final WebhookDelivery delivery, final int attempts, final String lastError) throws InterruptedException
    {
        // The file is the record's last place: a write that fails is retried until it succeeds or the lane stops.
        while (running)
        {
            try
            {
                deadLetters.write(delivery, target(delivery), attempts, lastError, System.currentTimeMillis());
                metrics.deadLettered.increment();
                LOG.warn("webhook {} to {} dead-lettered after {} tries ({}); it is in {}", delivery.id(), target(delivery), attempts, lastError,
                    deadLetters.path());
                return true;
            }
            catch (final IOException ex)
            {
                LOG.error("cannot write the webhook dead-letter file {}; trying again in 5 s", deadLetters.path(), ex);
                Thread.sleep(5_000);
            }
        }
        return false;
    }

    /** A hand-off's own endpoint, else this lane's. */
    private URI target(final WebhookDelivery delivery)
    {
        return delivery.target() != null ? delivery.target() : url;
    }

    /** The wait after failed try {@code attempt}: half of min(longest, first x 2^(attempt - 1)) plus a random part of the other half. */
    long backoffMs(final int attempt)
    {
        return backoffMs(configuration, attempt);
    }

    /** The backoff every webhook keeps (the lanes' and the hand-offs'), from {@code configuration}'s first and longest waits. */
    static long backoffMs(final WebhookConfiguration configuration, final int attempt)
    {
        final long doubled = configuration.firstBackoffMs() << Math.min(attempt - 1, 30);
        final long capped = Math.min(configuration.maxBackoffMs(), doubled < 0 ? Long.MAX_VALUE : doubled);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
