package dev.pulse.server;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ResourceLeakDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.http.MetricsChannelInitializer;
import dev.pulse.server.http.RouteContext;

/**
 * The server's sockets and the Netty event loops behind them: one acceptor thread, the worker loops
 * that serve connections (epoll where the platform has it, else NIO: {@link Transport}), the main port (WebSocket and
 * HTTP, through the pipeline the caller gives) and, when configured, a metrics port of its own.
 * Shut down in two steps, sockets first, loops later, so that connections can be closed in between.
 */
final class ServerListeners
{
    private static final Logger LOG = LoggerFactory.getLogger(ServerListeners.class);

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final int workerCount;
    private final Transport transport;
    private final Channel serverChannel;
    private final Channel metricsChannel;

    /**
     * Starts the loops and binds the main port, then the metrics port if {@code config} has one.
     *
     * @throws StartupException if the metrics port cannot be bound (the main port is closed again).
     */
    ServerListeners(final ServerConfig config, final ChannelHandler mainPipeline, final RouteContext routes)
        throws StartupException
    {
        transport = Transport.detect();
        LOG.info("transport: {}", transport.describe());
        LOG.info("buffer leak detector: {}", describeLeakDetector(ResourceLeakDetector.getLevel()));
        acceptors = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers());
        workerCount = config.eventLoopThreads() > 0 ? config.eventLoopThreads() : Runtime.getRuntime().availableProcessors();
        workers = new MultiThreadIoEventLoopGroup(workerCount, transport.ioHandlers());
        serverChannel = new ServerBootstrap()
            .group(acceptors, workers)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 8_192)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(mainPipeline)
            .bind(new InetSocketAddress(config.bind(), config.port()))
            .syncUninterruptibly()
            .channel();
        metricsChannel = config.metricsPort() == null ? null : bindMetrics(config, routes);
    }

    /** The listener of /metrics, /healthz and /readyz alone; the main port then no longer serves /metrics. */
    private Channel bindMetrics(final ServerConfig config, final RouteContext routes) throws StartupException
    {
        final String bind = config.metricsBind() != null ? config.metricsBind() : config.bind();
        try
        {
            return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new MetricsChannelInitializer(routes, config.readTimeoutMs()))
                .bind(new InetSocketAddress(bind, config.metricsPort()))
                .syncUninterruptibly()
                .channel();
        }
        catch (final Exception ex)
        {
            // Netty rethrows the bind failure (a BindException) undeclared.
            serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
            throw new StartupException("cannot listen for metrics on " + bind + ":" + config.metricsPort() + ": " +
                ex.getMessage());
        }
    }

    /** The main port (the real one when configured with 0). */
    int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** The metrics port (the real one when configured with 0), or -1 when there is none. */
    int metricsPort()
    {
        return metricsChannel == null ? -1 : ((InetSocketAddress)metricsChannel.localAddress()).getPort();
    }

    EventLoopGroup workers()
    {
        return workers;
    }

    /** For the start-up log: where it listens, on how many loops of which kind. */
    String describe()
    {
        return serverChannel.localAddress() + " with " + workerCount + " event loops (" + (transport.epoll() ? "epoll" : "nio") + ")";
    }

    /** For the start-up log: where /metrics is served. */
    String describeMetrics()
    {
        return metricsChannel == null ? "on the main port" : "on " + metricsChannel.localAddress() + " only";
    }

    /**
     * Stops accepting on the main port alone (the end of a drain): the metrics port still answers
     * while the open connections are closed, so the monitoring sees the stop to its end.
     */
    void closeMainSocket()
    {
        serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    /** Stops accepting: closes the listening sockets; open connections stay until their loops stop. */
    void closeSockets()
    {
        serverChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        if (metricsChannel != null)
        {
            metricsChannel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
    }

    /** Stops the worker loops, waiting at most {@code timeoutMs}; true if they stopped. */
    boolean stopWorkers(final long timeoutMs)
    {
        return workers.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMs);
    }

    /** Stops the acceptor thread; true if it stopped within 200 ms. */
    boolean stopAcceptors()
    {
        return acceptors.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(200);
    }

    /** Netty's leak detector is off unless the operator asks for it (PulseMain's defaults): the start says which, and how to turn it on. */
    static String describeLeakDetector(final ResourceLeakDetector.Level level)
    {
        return level == ResourceLeakDetector.Level.DISABLED ? "off (-Dio.netty.leakDetection.level=simple turns it on)"
            : level.name().toLowerCase(Locale.ROOT);
    }
}
