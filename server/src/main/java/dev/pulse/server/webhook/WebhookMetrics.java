package dev.pulse.server.webhook;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import dev.pulse.server.metrics.Metrics;

/**
 * The webhooks' series on {@code /metrics}, registered whether webhooks are on or not (all zero when
 * off), so dashboards and alerts need not know: {@code pulse_webhook_delivered_total},
 * {@code pulse_webhook_failed_attempts_total}, {@code pulse_webhook_dead_lettered_total},
 * {@code pulse_webhook_in_flight} and {@code pulse_webhook_lag_seconds}. Counted from the lanes' threads.
 */
final class WebhookMetrics
{
    final LongAdder delivered = new LongAdder();
    final LongAdder failedAttempts = new LongAdder();
    final LongAdder deadLettered = new LongAdder();

    void register(final Metrics metrics, final WebhookProgress progress, final LongSupplier wallMs)
    {
        metrics.counter("pulse_webhook_delivered_total", "Webhook deliveries an endpoint answered with 2xx (a record sent to two endpoints counts twice).",
            delivered::sum);
        metrics.counter("pulse_webhook_failed_attempts_total",
            "Webhook tries that failed: a connection error, a timeout or a non-2xx answer; each is retried or dead-lettered.", failedAttempts::sum);
        metrics.counter("pulse_webhook_dead_lettered_total",
            "Webhook deliveries given up on (webhook_max_attempts tries, or a 4xx) and written to the dead-letter file.", deadLettered::sum);
        metrics.gauge("pulse_webhook_in_flight", "Journal records read for the webhooks and not yet delivered or dead-lettered everywhere.",
            progress::inFlight);
        metrics.gauge("pulse_webhook_lag_seconds", "Age of the oldest record read for the webhooks and not yet done; 0 when none is.", () ->
        {
            final long oldest = progress.oldestTimestampMs();
            return oldest < 0 ? 0 : Math.max(0, (wallMs.getAsLong() - oldest) / 1000);
        });
    }
}
