package dev.pulse.server.e2e.proxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * Many WebSocket clients at once, each from a local address of its own choosing (127.x.y.z, so
 * the proxy in front of Pulse sees many visitors), each saying hello and waiting for its welcome.
 * A bounded number of handshakes is in flight at a time; connections stay open until
 * {@link #close()}. Tallies how each one ended: welcomed, or refused with an HTTP status.
 */
final class WebSocketCrowd implements AutoCloseable
{
    static final String HELLO = "{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"}}";
    private static final int HANDSHAKES_IN_FLIGHT = 100;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicInteger welcomed = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    /**
     * Opens one connection from each of {@code sources} to {@code ws://host:port/ws?site=test} with
     * these extra headers, says hello on each, and returns once every one was welcomed or failed
     * (or after {@code timeoutMs}, failing).
     */
    void connect(final InetSocketAddress target, final List<InetSocketAddress> sources, final Map<String, String> headers,
        final long timeoutMs) throws InterruptedException
    {
        final URI uri = URI.create("ws://" + target.getHostString() + ":" + target.getPort() + "/ws?site=test");
        final HttpHeaders extra = new DefaultHttpHeaders().add("Origin", "http://localhost");
        headers.forEach(extra::add);
        final CountDownLatch done = new CountDownLatch(sources.size());
        for (final InetSocketAddress source : sources)
        {
            inFlight.acquire();
            final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).version(WebSocketVersion.V13).customHeaders(extra).handshakeTimeoutMillis(20_000).build();
            final Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel channel)
                    {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                            new WebSocketClientProtocolHandler(config), new Member(done));
                    }
                })
                .connect(target, source).addListener(connected ->
                {
                    if (!connected.isSuccess())
                    {
                        failed("connect: " + connected.cause());
                        inFlight.release();
                        done.countDown();
                    }
                }).channel();
            synchronized (channels)
            {
                channels.add(channel);
            }
        }
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError(done.getCount() + " of " + sources.size() + " connections neither welcomed nor refused within "
                + timeoutMs + " ms; welcomed " + welcomed + ", failed " + failures);
        }
    }

    /** Connections welcomed so far. */
    int welcomed()
    {
        return welcomed.get();
    }

    /** How connections failed: {@code "HTTP 429"} and the like, with their counts. */
    Map<String, Integer> failures()
    {
        final Map<String, Integer> counts = new TreeMap<>();
        failures.forEach((what, count) -> counts.put(what, count.get()));
        return counts;
    }

    private void failed(final String what)
    {
        failures.computeIfAbsent(what, ignored -> new AtomicInteger()).incrementAndGet();
    }

    /** Local addresses for {@code addresses} clients, 127.{second}.x.y, each listed {@code perAddress} times (one per connection). */
    static List<InetSocketAddress> sources(final int second, final int addresses, final int perAddress)
    {
        final List<InetSocketAddress> sources = new ArrayList<>();
        for (int i = 0; i < addresses; i++)
        {
            for (int j = 0; j < perAddress; j++)
            {
                sources.add(new InetSocketAddress("127." + second + "." + (i / 250) + "." + (1 + i % 250), 0));
            }
        }
        return sources;
    }

    @Override
    public void close()
    {
        synchronized (channels)
        {
            channels.forEach(Channel::close);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One connection's end of the pipeline: hello once upgraded, counted once welcomed or refused. */
    private final class Member extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private final CountDownLatch done;
        private boolean handshakeOver;
        private boolean counted;

        Member(final CountDownLatch done)
        {
            this.done = done;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                handshakeOver();
                ctx.writeAndFlush(new TextWebSocketFrame(HELLO));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (!counted && frame instanceof TextWebSocketFrame text && text.text().contains("\"t\":\"welcome\""))
            {
                end(null);
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            if (!counted && cause instanceof WebSocketClientHandshakeException refused && refused.response() != null)
            {
                end("HTTP " + refused.response().status().code());
            }
            ctx.close();
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (!counted)
            {
                end("closed before a welcome");
            }
        }

        /** The next handshake may start: this one is upgraded or refused. */
        private void handshakeOver()
        {
            if (!handshakeOver)
            {
                handshakeOver = true;
                inFlight.release();
            }
        }

        private void end(final String failure)
        {
            handshakeOver();
            counted = true;
            if (failure == null)
            {
                welcomed.incrementAndGet();
            }
            else
            {
                failed(failure);
            }
            done.countDown();
        }
    }
}
