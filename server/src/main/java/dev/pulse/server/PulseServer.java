package dev.pulse.server;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalOpener;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalUpkeep;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.SigningKeys;
import dev.pulse.server.backup.Backups;
import dev.pulse.server.config.AccessSettings;
import dev.pulse.server.config.DemoSettings;
import dev.pulse.server.config.JournalSettings;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.config.TokenFiles;
import dev.pulse.server.decide.JournalInterventionLog;
import dev.pulse.server.decide.LiveCatalogVersions;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.http.HttpRoutes;
import dev.pulse.server.ingest.IngestRoute;
import dev.pulse.server.ingest.IngestSettings;
import dev.pulse.server.ingest.LiveIngestKeys;
import dev.pulse.server.ingest.SeenEventIds;
import dev.pulse.server.http.ReportWorker;
import dev.pulse.server.erase.DataSubjects;
import dev.pulse.server.http.RouteContext;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.node.NodeIdentity;
import dev.pulse.server.session.DataDirectory;
import dev.pulse.server.session.SessionInspector;
import dev.pulse.server.session.SessionMapStartup;
import dev.pulse.server.session.SessionSeqRecovery;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.session.SessionSweeper;
import dev.pulse.server.ship.JournalShipping;
import dev.pulse.server.timer.PulseClock;
import dev.pulse.server.timer.SystemPulseClock;
import dev.pulse.server.tls.LiveCertificate;
import dev.pulse.server.webhook.WebhookConfiguration;
import dev.pulse.server.webhook.HandoffWebhooks;
import dev.pulse.server.webhook.Webhooks;
import dev.pulse.server.ws.SessionEraser;
import dev.pulse.server.ws.PendingBackendRecovery;
import dev.pulse.server.ws.PulseChannelInitializer;
import dev.pulse.server.ws.ServerContext;

/**
 * The server: opens the data directory, the catalog, the journal and the session map, then
 * serves WebSocket and HTTP on one port (TLS when configured; {@code /metrics} on a listener of
 * its own when configured) until {@link #close()}, which shuts down in order (stop accepting,
 * close sockets with 1001, drain the journal, close the map, mark the stop clean) within a
 * bounded time. A stop by signal ({@link #drainAndClose()}) first drains ({@link ServerDrain});
 * SIGHUP ({@link #reload()}) reloads the catalog, the certificate and the ingest keys.
 */
public final class PulseServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PulseServer.class);

    private final ServerConfig config;
    private final DataDirectory dataDirectory;
    private final LiveCatalog catalog;
    private final Metrics metrics;
    private final Journal journal;
    private final JournalUpkeep upkeep;
    private final Webhooks webhooks;
    private final HandoffWebhooks handoffWebhooks;
    private final JournalShipping shipping;
    private final SessionStore sessions;
    private final ServerContext context;
    private final SessionSweeper sweeper;
    private final ReportWorker reports;
    private final Backups backups;
    private final CatalogReloads catalogReloads;
    private final ServerListeners listeners;
    private final LiveCertificate tls;
    /** Null without {@code ingest_keys_file}. */
    private final LiveIngestKeys ingestKeys;
    private final ServerDrain drain;
    private final Object lifecycle = new Object();
    private boolean closed;

    private PulseServer(final ServerConfig config, final JournalOpener journals, final PulseClock clock) throws Exception
    {
        this.config = config;
        // Key and certificate files first: a bad one is a configuration error (exit 2), found before anything is opened.
        metrics = new Metrics();
        tls = LiveCertificate.open(config, metrics);
        final SigningKeys signingKeys = AccessSettings.signingKeys(config);
        final SigningKey clusterKey = AccessSettings.clusterKey(config);
        final String adminToken = TokenFiles.adminToken(config);
        final String reportToken = TokenFiles.reportToken(config);
        final WebhookConfiguration webhookConfiguration = WebhookConfiguration.of(config);
        final WebhookConfiguration handoffConfiguration = WebhookConfiguration.handoffs(config);
        ingestKeys = IngestSettings.keys(config);
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult loaded = config.catalogFile() == null ? loader.loadDemo() : loader.load(config.catalogFile());
        if (!loaded.ok())
        {
            throw new StartupException("the catalog has errors:\n" + loaded.report());
        }
        dataDirectory = DataDirectory.open(config.dataDir());
        boolean started = false;
        Journal openedJournal = null;
        SessionStore openedSessions = null;
        JournalUpkeep startedUpkeep = null;
        Webhooks startedWebhooks = Webhooks.NONE;
        HandoffWebhooks startedHandoffs = null;
        JournalShipping startedShipping = null;
        try
        {
            // The directory names its node: another node's directory is refused (exit 2) before anything in it is opened.
            final String nodeId = NodeIdentity.resolve(config);
            NodeIdentity.bind(dataDirectory.dir(), nodeId);
            catalog = CatalogReloads.open(loader, loaded.catalog(), config.catalogFile(), new CatalogArchive(dataDirectory.catalogDir()));
            // The session map first: a start that fails on a damaged map must leave the journal untouched.
            openedSessions = SessionMapStartup.open(dataDirectory, config.expectedSessions(), config.resetCorruptSessions());
            sessions = openedSessions;
            openedJournal = journals.open(dataDirectory.journalDir(), config.journalConfiguration(), metrics);
            journal = openedJournal;
            if (!dataDirectory.lastStopWasClean())
            {
                SessionSeqRecovery.recover(sessions, dataDirectory.journalDir());
            }
            // Readers of the journal (webhooks, the Kafka shipper) hold their segments before the upkeep's first pass could delete them.
            webhooks = startedWebhooks = Webhooks.start(webhookConfiguration, dataDirectory.dir(), dataDirectory.journalDir(), journal,
                metrics);
            handoffWebhooks = startedHandoffs = HandoffWebhooks.start(handoffConfiguration, dataDirectory.dir(), dataDirectory.journalDir(),
                journal, new LiveCatalogVersions(catalog), metrics);
            shipping = startedShipping = JournalShipping.start(config, nodeId, dataDirectory.dir(), journal, dataDirectory.journalDir(), metrics);
            context = new ServerContext(config, catalog, sessions, journal, metrics, signingKeys, clock, clusterKey);
            context.unsignedHandoffs(handoffWebhooks);
            catalogReloads = new CatalogReloads(catalog, metrics, journal.newProxy(), clock);
            // Backend events kept for sessions away (until they come back) and the ids taken lately (a retry stays a duplicate).
            final SeenEventIds seenEventIds = new SeenEventIds();
            PendingBackendRecovery.recover(dataDirectory.journalDir(), context.backendPending(), catalog.current().sessionExpiryMs(),
                seenEventIds::remember, SeenEventIds.REMEMBER_MS, clock.wallMs());
            // Retention and compaction on a thread of their own, after recovery has read the recent past (never under it).
            startedUpkeep = JournalUpkeep.start(journal, JournalSettings.upkeep(config), metrics);
            upkeep = startedUpkeep;
            drain = new ServerDrain(config.drainDelay(), config.closeSpread());
            RuntimeMetrics.registerServer(metrics, sessions, this::ready);
            catalogReloads.record(loaded);

            final SessionInspector inspector = new SessionInspector(sessions);
            reports = ReportWorker.onOwnThread(dataDirectory.journalDir());
            backups = new Backups(dataDirectory.dir(), sessions, BuildInfo.current().versionLine(), config.journalSegmentBytes(),
                clock::wallMs);
            final DataSubjects subjects = new DataSubjects(new SessionEraser(context), inspector, dataDirectory.journalDir());
            final RouteContext routes = new RouteContext(metrics, adminToken, reportToken, this::ready, this::reloadCatalog,
                inspector::describeJson, catalog::current, reports, subjects, backups);
            final IngestRoute ingest = ServerIngest.route(config, ingestKeys, loaded.catalog().siteKey(), this::port, context,
                seenEventIds, clock, metrics);
            listeners = new ServerListeners(config, new PulseChannelInitializer(context,
                new HttpRoutes(routes, config.metricsPort() == null, DemoSettings.served(config), ingest), tls), routes);

            final JournalProxy sweeperJournal = journal.newProxy();
            final JournalInterventionLog sweeperLog = new JournalInterventionLog(sweeperJournal, journal, metrics, clock::wallMs);
            sweeper = new SessionSweeper(sessions, sweeperJournal, new SessionMachine(new LiveCatalogVersions(catalog), sweeperLog),
                metrics, () -> catalog.current().sessionExpiryMs(), context.connections()::isLive, clock);
            sweeper.start();
            if (config.catalogFile() != null && config.catalogWatchMs() > 0)
            {
                catalog.watch(config.catalogWatchMs(), catalogReloads::onReloaded);
            }
            if (tls != null && config.tlsWatchMs() > 0)
            {
                tls.watch(config.tlsWatchMs());
            }
            started = true;
            StartupLines.log(config, loaded, listeners, tls != null, signingKeys);
        }
        finally
        {
            if (!started)
            {
                ShutdownSteps.closeAll(startedHandoffs, startedUpkeep, startedWebhooks, openedSessions, openedJournal, startedShipping, dataDirectory);
            }
        }
    }

    /** Starts a server; it serves until {@link #close()}. */
    public static PulseServer start(final ServerConfig config) throws Exception
    {
        return new PulseServer(config, Journal::open, new SystemPulseClock());
    }

    /** Starts a server whose journal {@code journals} opens: for tests that inject disk faults. */
    public static PulseServer start(final ServerConfig config, final JournalOpener journals) throws Exception
    {
        return new PulseServer(config, journals, new SystemPulseClock());
    }

    /** Starts a server on {@code clock}: for tests that step the wall clock or drive time by hand. */
    public static PulseServer start(final ServerConfig config, final PulseClock clock) throws Exception
    {
        return new PulseServer(config, Journal::open, clock);
    }

    /** The port it listens on (the real one when configured with 0). */
    public int port()
    {
        return listeners.port();
    }

    /** The metrics listener's port (the real one when configured with 0), or -1 when there is none. */
    public int metricsPort()
    {
        return listeners.metricsPort();
    }

    /** The event loops that serve connections: a test blocks one to see a shutdown that times out. */
    public EventLoopGroup eventLoops()
    {
        return listeners.workers();
    }

    public Metrics metrics()
    {
        return metrics;
    }

    public LiveCatalog catalog()
    {
        return catalog;
    }

    /** Blocks until the server has been closed. */
    public void awaitShutdown() throws InterruptedException
    {
        synchronized (lifecycle)
        {
            while (!closed)
            {
                lifecycle.wait();
            }
        }
    }

    /** Ready: not stopping, accepting connections, and the journal can record what the server would show. */
    public boolean ready()
    {
        return !drain.begun() && context.accepting() && journal.acceptingRecords();
    }

    /**
     * The stop SIGTERM and SIGINT ask for: {@link ServerDrain} (not ready at once, new connections
     * served for {@code drain_delay}, then the open ones closed with 1001 over {@code close_spread}),
     * then {@link #close()}, whose {@code shutdown_timeout_ms} starts only then. Blocks until closed.
     * Called again while draining (a second signal), it skips what remains of the drain and returns.
     */
    public void drainAndClose()
    {
        synchronized (lifecycle)
        {
            if (closed)
            {
                return;
            }
        }
        if (!drain.begin())
        {
            drain.hurryOnSignal();
            return;
        }
        drain.run(() ->
        {
            context.stopAccepting();
            listeners.closeMainSocket();
        }, context.connections());
        close();
    }

    /**
     * SIGHUP: reloads the catalog (as the admin route does) and the TLS certificate and key; each
     * keeps its previous version serving if the new one cannot be used.
     */
    public void reload()
    {
        LOG.info("reload requested (SIGHUP): the catalog{}{}", tls != null ? ", the TLS certificate" : "",
            ingestKeys != null ? ", the ingest keys" : "");
        reloadCatalog();
        if (tls != null)
        {
            tls.reload();
        }
        if (ingestKeys != null)
        {
            ingestKeys.reload();
        }
    }

    /** Reloads the catalog file (admin route): the old catalog keeps serving if the new one has errors. */
    public LoadResult reloadCatalog()
    {
        return catalogReloads.reload();
    }

    /**
     * Graceful shutdown, bounded by the configured timeout: stop accepting, close every connection
     * with 1001, stop the loops, drain and close the journal, close the session map, mark clean. The
     * clean-shutdown marker is written only if every step finished: a loop or the sweeper that did
     * not stop in time, or a journal that could not write everything, leaves no marker, so the next
     * start recovers the session map.
     */
    @Override
    public void close()
    {
        synchronized (lifecycle)
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMs());
        // A drain still under way (close() from a test or the shutdown hook) stops waiting: this closes everything now.
        drain.hurry();
        try
        {
            context.stopAccepting();
            listeners.closeSockets();
            ShutdownSteps.closeConnections(context.connections(), deadline);
            final boolean loopsStopped = listeners.stopWorkers(ShutdownSteps.remainingMs(deadline) / 2);
            final boolean acceptorsStopped = listeners.stopAcceptors();
            catalog.close();
            if (tls != null)
            {
                tls.close();
            }
            reports.close();
            // A backup under way lets go of the session map before the map is closed below.
            final boolean backupStopped = backups.stop(ShutdownSteps.remainingMs(deadline) / 2);
            final boolean sweeperStopped = sweeper.stop();
            upkeep.close();
            webhooks.close();
            handoffWebhooks.close();
            journal.close();
            // After the journal's last record: ships what it can in the time left, keeps its offset either way.
            shipping.close(ShutdownSteps.remainingMs(deadline));
            final boolean journalClosed = journal.closedCleanly();
            // A loop or the sweeper still running may be inside an entry: unmapping the map under it would crash the JVM, and
            // its locks would stay held in the file. Left open, the next start recovers the map.
            final boolean mapClosed = loopsStopped && sweeperStopped && backupStopped && !sessions.contextOpen();
            if (mapClosed)
            {
                sessions.close();
            }
            if (loopsStopped && acceptorsStopped && sweeperStopped && journalClosed && mapClosed)
            {
                dataDirectory.markCleanShutdown();
                LOG.info("Pulse stopped cleanly");
            }
            else
            {
                LOG.error("shutdown did not complete within shutdown_timeout_ms ({} ms): event loops stopped {}, acceptor stopped {}, " +
                    "sweeper stopped {}, backup stopped {}, journal closed {}, session map closed {}; no clean-shutdown marker, so the " +
                    "next start recovers the session map", config.shutdownTimeoutMs(), loopsStopped, acceptorsStopped, sweeperStopped,
                    backupStopped, journalClosed, mapClosed);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            LOG.warn("shutdown interrupted");
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.error("shutdown did not complete cleanly; the next start will recover the session map", ex);
        }
        finally
        {
            try
            {
                dataDirectory.close();
            }
            catch (final IOException ex)
            {
                LOG.warn("could not release the data directory lock", ex);
            }
            synchronized (lifecycle)
            {
                lifecycle.notifyAll();
            }
        }
    }
}
