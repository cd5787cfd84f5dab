package dev.pulse.server.e2e.faults;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * A small load driver for fault tests: many protocol sessions over Netty WebSocket connections
 * to one local port, each sending its script at a steady pace from one ticker. With reconnect on,
 * a lost connection is retried with exponential backoff and full jitter (100 ms doubling to
 * 3.2 s) and the session resumed by its sid; the welcome is checked against what the session knew.
 */
final class LoadDriver implements AutoCloseable
{
    private static final int HANDSHAKES_IN_FLIGHT = 200;
    /** Connections come from 127.0.0.1 to 127.0.0.8, under the server's per-address cap (1,000) up to 8,000 sessions. */
    private static final int SOURCE_ADDRESSES = 8;
    private static final long BACKOFF_BASE_MS = 100;
    private static final long BACKOFF_CAP_MS = 3_200;

    private final URI uri;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "load-driver-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore handshakes = new Semaphore(HANDSHAKES_IN_FLIGHT);
    private final List<DriverSession> sessions = new ArrayList<>();
    private final DriverTally tally = new DriverTally();
    private volatile boolean reconnect;
    private volatile boolean closing;
    private ScheduledFuture<?> ticking;

    LoadDriver(final int port, final int sessionCount, final boolean answering)
    {
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws?site=" + ChildServer.SITE);
        for (int i = 0; i < sessionCount; i++)
        {
            sessions.add(new DriverSession(tally, answering, new InetSocketAddress("127.0.0." + (1 + i % SOURCE_ADDRESSES), 0)));
        }
    }

    /** Whether lost connections are retried (with backoff) and their sessions resumed. */
    void reconnect(final boolean on)
    {
        reconnect = on;
    }

    /** Opens every session's connection, a bounded number of handshakes at a time, and waits for every welcome. */
    void connectAll(final long timeoutMs) throws InterruptedException
    {
        for (final DriverSession session : sessions)
        {
            handshakes.acquire();
            connect(session);
        }
        awaitAll(DriverSession::welcomed, timeoutMs, "welcomed");
    }

    private void connect(final DriverSession session)
    {
        if (closing)
        {
            handshakes.release();
            return;
        }
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders().add("Origin", ChildServer.ORIGIN))
            .handleCloseFrames(false)
            .handshakeTimeoutMillis(10_000)
            .build();
        final ChannelFuture connecting = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(65_536),
                        new DriverHandler(session, LoadDriver.this));
                }
            })
            .connect(new InetSocketAddress(uri.getHost(), uri.getPort()), session.source());
        connecting.addListener(done ->
        {
            handshakes.release();
            if (!done.isSuccess())
            {
                tally.connectFailures.increment();
                if (reconnect)
                {
                    retry(session);
                }
            }
        });
    }

    /** A connection of {@code session} ended: retry it, if reconnecting. */
    void lost(final DriverSession session)
    {
        if (reconnect && !closing)
        {
            retry(session);
        }
    }

    private void retry(final DriverSession session)
    {
        final int attempt = session.nextAttempt();
        final long ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(attempt - 1, 10));
        final long delayMs = ThreadLocalRandom.current().nextLong(ceiling + 1);
        tally.reconnects.increment();
        group.schedule(() ->
        {
            if (handshakes.tryAcquire())
            {
                connect(session);
            }
            else
            {
                retry(session);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Every session sends one message each {@code periodMs}, spread over the period by the ticker. */
    void startSending(final long periodMs)
    {
        ticking = ticker.scheduleAtFixedRate(() -> sessions.forEach(DriverSession::tick), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Stops sending; returns once no tick is running. */
    void stopSending() throws Exception
    {
        ticking.cancel(false);
        ticker.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition} holds for every session; fails with a count after {@code timeoutMs}. */
    void awaitAll(final Predicate<DriverSession> condition, final long timeoutMs, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long missing = count(condition.negate());
        while (missing > 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(50);
            missing = count(condition.negate());
        }
        if (missing > 0)
        {
            throw new AssertionError(missing + " of " + sessions.size() + " sessions not " + what + " within " + timeoutMs + " ms; " + tally);
        }
    }

    long count(final Predicate<DriverSession> condition)
    {
        return sessions.stream().filter(condition).count();
    }

    List<DriverSession> sessions()
    {
        return sessions;
    }

    DriverTally tally()
    {
        return tally;
    }

    @Override
    public void close()
    {
        closing = true;
        ticker.shutdownNow();
        sessions.forEach(DriverSession::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
