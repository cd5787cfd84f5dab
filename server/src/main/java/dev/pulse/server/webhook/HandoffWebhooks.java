package dev.pulse.server.webhook;

import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.decide.HandoffCall;
import dev.pulse.server.decide.HandoffCalls;
import dev.pulse.server.metrics.Metrics;

/**
 * Posts hand-offs to the support tool's webhook named in the catalog, on a thread of its own: the
 * event loops only offer a {@link HandoffCall} to a bounded queue (never blocking: a full queue
 * refuses it, counted). Each call is signed like every webhook ({@link WebhookSigner}, the secret of
 * {@code webhook_secret_file}) and tried up to {@code webhook_max_attempts} times with the lanes'
 * backoff ({@link WebhookLane#backoffMs}); one that never gets through is logged and counted. A
 * hand-off is a person waiting now, so unlike the journal's webhooks none is resent after a restart.
 * Without a secret no hand-off is posted (an unsigned one would be accepted by no receiver that checks).
 */
public final class HandoffWebhooks implements HandoffCalls, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(HandoffWebhooks.class);
    private static final int QUEUE_CAPACITY = 1_000;

    private final WebhookPoster poster;
    private final WebhookConfiguration configuration;
    private final BlockingQueue<HandoffCall> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Null without a secret: nothing is posted. */
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running;

    private HandoffWebhooks(final WebhookConfiguration configuration)
    {
        this.configuration = configuration;
        final boolean signed = configuration.secret() != null && configuration.secret().length > 0;
        this.poster = signed ? new WebhookPoster(WebhookPoster.client(configuration.timeoutMs()), configuration.secret(),
            configuration.timeoutMs()) : null;
        this.thread = signed ? new Thread(this::run, "pulse-handoff-webhook") : null;
        this.running = signed;
    }

    /**
     * Started when {@code configuration} has a signing secret; otherwise one that refuses (and counts) every call. Its series
     * on {@code /metrics} either way: {@code pulse_handoff_webhook_delivered_total}, {@code _failed_total}, {@code _refused_total}.
     */
    public static HandoffWebhooks start(final WebhookConfiguration configuration, final Metrics metrics)
    {
        final HandoffWebhooks webhooks = new HandoffWebhooks(configuration);
        metrics.counter("pulse_handoff_webhook_delivered_total", "Hand-offs the support tool's webhook answered with 2xx.",
            webhooks.delivered::get);
        metrics.counter("pulse_handoff_webhook_failed_total", "Hand-offs whose webhook never answered 2xx in webhook_max_attempts tries.",
            webhooks.failed::get);
        metrics.counter("pulse_handoff_webhook_refused_total",
            "Hand-offs with a webhook not posted: no webhook_secret_file to sign them, or the queue full.", webhooks.refused::get);
        if (webhooks.thread != null)
        {
            webhooks.thread.setDaemon(true);
            webhooks.thread.start();
        }
        return webhooks;
    }

    @Override
    public boolean offer(final HandoffCall call)
    {
        final boolean taken = running && queue.offer(call);
        if (!taken)
        {
            refused.incrementAndGet();
        }
        return taken;
    }

    /** Calls delivered (a 2xx), given up on, and refused (queue full, or stopped). */
    public long delivered()
    {
        return delivered.get();
    }

    public long failed()
    {
        return failed.get();
    }

    public long refused()
    {
        return refused.get();
    }

    /** Stops after the current try (its wait or request cut short); calls still queued are not sent. */
    @Override
    public void close()
    {
        running = false;
        if (thread == null)
        {
            return;
        }
        thread.interrupt();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        try
        {
            while (running)
            {
                final HandoffCall call = queue.poll(100, TimeUnit.MILLISECONDS);
                if (call != null)
                {
                    deliver(call);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(final HandoffCall call) throws InterruptedException
    {
        final String id = HandoffBody.id(configuration.node(), call);
        final byte[] body = HandoffBody.of(id, call);
        final URI url = URI.create(call.url());
        String lastError = null;
        for (int attempt = 1; attempt <= configuration.maxAttempts() && running; attempt++)
        {
            final WebhookPoster.Answer answer = poster.post(url, id, "handoff", body, attempt, System.currentTimeMillis());
            if (answer.delivered())
            {
                delivered.incrementAndGet();
                return;
            }
            lastError = answer.error();
            if (!answer.retry())
            {
                break;
            }
            if (attempt < configuration.maxAttempts())
            {
                Thread.sleep(WebhookLane.backoffMs(configuration, attempt));
            }
        }
        failed.incrementAndGet();
        LOG.warn("hand-off webhook {} to {} not delivered ({}); the person was offered the hand-off without it", id, url, lastError);
    }
}
