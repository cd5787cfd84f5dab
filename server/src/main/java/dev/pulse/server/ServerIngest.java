package dev.pulse.server;

import java.util.function.IntSupplier;

import dev.pulse.server.config.DemoSettings;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.ingest.DemoPayments;
import dev.pulse.server.ingest.IngestMetrics;
import dev.pulse.server.ingest.IngestRoute;
import dev.pulse.server.ingest.LiveIngestKeys;
import dev.pulse.server.ingest.SeenEventIds;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.timer.PulseClock;
import dev.pulse.server.ws.BackendDelivery;
import dev.pulse.server.ws.ServerContext;

/** The backend ingest's route as the settings ask for it: on with a keys file, or with the demo (whose checkout plays a site's backend). */
final class ServerIngest
{
    private ServerIngest()
    {
    }

    /**
     * The route, or null when it is off (no keys file, no demo).
     *
     * @param keys   the keys file's keys, or null when there is none.
     * @param port   the server's own port, known once it listens: the demo's backend posts to it over loopback.
     * @param seen   the event ids taken lately, read back from the journal at start.
     */
    static IngestRoute route(final ServerConfig config, final LiveIngestKeys keys, final String siteKey, final IntSupplier port,
        final ServerContext context, final SeenEventIds seen, final PulseClock clock, final Metrics metrics)
    {
        // Declared whether or not the route is on: /metrics names every family docs/operations.md lists.
        final IngestMetrics ingestMetrics = new IngestMetrics(metrics);
        final boolean demo = DemoSettings.served(config);
        // The demo's checkout signs with a key of its own: the route is on with the demo even without a keys file.
        final LiveIngestKeys used = keys != null ? keys : demo ? LiveIngestKeys.empty() : null;
        if (used == null)
        {
            return null;
        }
        final DemoPayments demoPayments = demo ? DemoPayments.start(used, siteKey, config.bind(), port, clock) : null;
        return new IngestRoute(used, config.ingestRatePerKey(), config.ingestMaxBodyBytes(), seen, new BackendDelivery(context), clock,
            ingestMetrics, demoPayments);
    }
}
