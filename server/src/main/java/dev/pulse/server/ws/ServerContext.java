package dev.pulse.server.ws;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.FastThreadLocal;

import dev.pulse.catalog.LiveCatalog;
import dev.pulse.journal.Journal;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.SigningKeys;
import dev.pulse.server.carry.CarryMetrics;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.decide.UnsignedHandoffs;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddressPolicy;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.timer.PulseClock;
import dev.pulse.server.timer.SystemPulseClock;

/**
 * What every connection of one server shares: its settings, the live catalog, the session store,
 * the journal, the metrics, the signing keys, the clock, the registry of connections, and each event loop's own resources
 * ({@link LoopContext}, created on the loop the first time it is needed).
 */
public final class ServerContext
{
    private final ServerConfig config;
    private final LiveCatalog catalog;
    private final SessionStore sessions;
    private final Journal journal;
    private final Metrics metrics;
    private final SigningKeys signingKeys;
    private final SigningKey clusterKey;
    private final CarryMetrics carryMetrics;
    private final PulseClock clock;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final ConnectionsPerAddress connectionsPerAddress;
    private final ClientAddressPolicy clientAddresses;
    private final RouteKeys routeKeys = new RouteKeys();
    /** Lines about clients refused at their address's cap: 5 at once, then one per 10 s; shared as the cap is. */
    private final LogThrottle perAddressRefusals = new LogThrottle(5, 10, TimeUnit.SECONDS);
    /** Server-wide; guarded by itself, as every event loop takes handshakes from it. */
    private final RateLimiter handshakes;
    private final FastThreadLocal<LoopContext> loopContexts = new FastThreadLocal<>();
    private final PendingBackendEvents backendPending;
    private UnsignedHandoffs unsignedHandoffs = UnsignedHandoffs.NONE;
    private volatile boolean accepting = true;
    /** Set once at start, before the listeners (whose threads' start publishes it). */

    public ServerContext(
        final ServerConfig config, final LiveCatalog catalog, final SessionStore sessions, final Journal journal, final Metrics metrics)
    {
        this(config, catalog, sessions, journal, metrics, null, new SystemPulseClock());
    }

    /**
     * @param signingKeys the keys hello tokens are checked against; null when sessions are not signed.
     * @param clock       the monotonic time of every deadline, and the wall time of the records.
     */
    public ServerContext(final ServerConfig config, final LiveCatalog catalog, final SessionStore sessions, final Journal journal,
        final Metrics metrics, final SigningKeys signingKeys, final PulseClock clock)
    {
        this(config, catalog, sessions, journal, metrics, signingKeys, clock, null);
    }

    /** @param clusterKey the key the nodes of a cluster share, which signs carries; null: no carry. */
    public ServerContext(final ServerConfig config, final LiveCatalog catalog, final SessionStore sessions, final Journal journal,
        final Metrics metrics, final SigningKeys signingKeys, final PulseClock clock, final SigningKey clusterKey)
    {
        this.config = config;
        this.catalog = catalog;
        this.sessions = sessions;
        this.journal = journal;
        this.metrics = metrics;
        this.connectionsPerAddress = new ConnectionsPerAddress(config.maxConnectionsPerAddress());
        this.clientAddresses = new ClientAddressPolicy(config.trustedProxies(), config.clientAddress());
        this.handshakes = new RateLimiter(config.handshakesPerSecond(), config.handshakesPerSecond(), 0, System.nanoTime());
        metrics.gauge("pulse_write_pending_bytes", "Bytes written to WebSocket connections and not yet taken by their clients.",
            connections::pendingWriteBytes);
        metrics.families(routeKeys);
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.backendPending = new PendingBackendEvents(() -> catalog.current().sessionExpiryMs());
        this.clusterKey = clusterKey;
        this.carryMetrics = clusterKey == null ? null : new CarryMetrics();
        if (carryMetrics != null)
        {
            metrics.families(carryMetrics);
        }
    }

    /** Where hand-offs with a webhook that no one will sign are counted (the server's {@code HandoffWebhooks}); set before the listeners start. */
    public void unsignedHandoffs(final UnsignedHandoffs unsignedHandoffs)
    {
        this.unsignedHandoffs = unsignedHandoffs;
    }

    public UnsignedHandoffs unsignedHandoffs()
    {
        return unsignedHandoffs;
    }

    public ServerConfig config()
    {
        return config;
    }

    public LiveCatalog catalog()
    {
        return catalog;
    }

    public SessionStore sessions()
    {
        return sessions;
    }

    public Journal journal()
    {
        return journal;
    }

    public Metrics metrics()
    {
        return metrics;
    }

    /** The keys hello tokens are checked against; null when sessions are not signed (tokens are ignored). */
    public SigningKeys signingKeys()
    {
        return signingKeys;
    }

    /** Monotonic time for deadlines, wall time for records. */
    /** The key carries are signed and checked with; null when the server has none (no carry). */
    public SigningKey clusterKey()
    {
        return clusterKey;
    }

    /** What became of carries; null without a cluster key. */
    public CarryMetrics carryMetrics()
    {
        return carryMetrics;
    }

    public PulseClock clock()
    {
        return clock;
    }

    public ConnectionRegistry connections()
    {
        return connections;
    }

    ConnectionsPerAddress connectionsPerAddress()
    {
        return connectionsPerAddress;
    }

    /** Whom to believe about a connection's client address ({@code trusted_proxies}, {@code client_address}). */
    ClientAddressPolicy clientAddresses()
    {
        return clientAddresses;
    }

    /** The routing keys of accepted upgrades, counted when unusable. */
    RouteKeys routeKeys()
    {
        return routeKeys;
    }

    /** When a refusal at the per-address cap may be logged. */
    LogThrottle perAddressRefusals()
    {
        return perAddressRefusals;
    }

    /** Takes one of the server's handshakes for this second; false when they are used up. */
    boolean tryHandshake(final long nowNanos)
    {
        if (config.handshakesPerSecond() == 0)
        {
            return true;
        }
        synchronized (handshakes)
        {
            return handshakes.tryAcquire(nowNanos);
        }
    }

    /** Backend events kept for sessions not connected, until they come back. */
    public PendingBackendEvents backendPending()
    {
        return backendPending;
    }

    /** False once shutdown began: new WebSocket handshakes are refused. */
    public boolean accepting()
    {
        return accepting;
    }

    public void stopAccepting()
    {
        accepting = false;
    }

    /** The calling event loop's resources; created on first use, on that loop. */
    LoopContext loop(final io.netty.channel.EventLoop eventLoop)
    {
        LoopContext context = loopContexts.get();
        if (context == null)
        {
            context = new LoopContext(this, eventLoop);
            loopContexts.set(context);
            eventLoop.scheduleAtFixedRate(context::tick, LoopContext.TICK_PERIOD_MS, LoopContext.TICK_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
        return context;
    }
}
