package dev.pulse.bench.floor;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import dev.pulse.server.PulseMain;

/**
 * The floor for the end-to-end benchmark: a minimal Netty WebSocket server that speaks just enough
 * of the protocol for the load generator's {@code browse=50,back_and_forth=50} mix
 * ({@link FloorHandler}), with no session store, catalog or journal. It is set up as Pulse is (the
 * same transport, one acceptor loop and as many worker loops as Pulse would use, the same socket
 * options, frame limit and system property defaults), so the cost Pulse adds over the network
 * stack shows as a ratio. With {@code --sessions DIR} it also keeps every session in Pulse's own
 * session map ({@link FloorSessions}), so the cost of that state alone shows too; and with
 * {@code --journal DIR} as well their records in Pulse's own journal, acks waiting for them
 * ({@link FloorJournal}).
 *
 * <p>{@code java -cp pulse-benchmarks.jar dev.pulse.bench.floor.FloorServer [--port 8090]
 * [--bind 127.0.0.1] [--loops N] [--sessions DIR [--expected-sessions 250000] [--expiry-s 60] [--journal DIR]]}
 * (N: Pulse's {@code event_loop_threads}; 0, the default, is one per core, as in Pulse; the map's
 * JVM needs the Chronicle flags of the root pom's {@code pulse.jvm.opens}). It serves until the
 * process is stopped.
 */
public final class FloorServer implements AutoCloseable
{
    private static final int MAX_MESSAGE_BYTES = 4096;
    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final int loops;
    private final FloorSessions sessions;
    private final FloorJournal journal;

    private FloorServer(final String bind, final int port, final int loopsWanted, final FloorSessions sessions)
    {
        this.sessions = sessions;
        this.journal = sessions == null ? null : sessions.journal();
        final boolean epoll = Epoll.isAvailable();
        final IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        loops = loopsWanted > 0 ? loopsWanted : Runtime.getRuntime().availableProcessors();
        acceptors = new MultiThreadIoEventLoopGroup(1, io);
        workers = new MultiThreadIoEventLoopGroup(loops, io);
        final Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        final WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/ws")
            .checkStartsWith(true)
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .allowExtensions(false)
                .withUTF8Validator(true)
                .build())
            .build();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(acceptors, workers)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 8_192)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    final ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast("http", new HttpServerCodec(4096, 8192, 8192));
                    pipeline.addLast("aggregate", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
                    pipeline.addLast("ws", new WebSocketServerProtocolHandler(protocol));
                    pipeline.addLast("floor", new FloorHandler(sessions, journal));
                }
            });
        serverChannel = listen(bootstrap, new InetSocketAddress(bind, port));
    }

    /** Binds, or releases the event loops (whose threads would keep the JVM alive) and rethrows. */
    private Channel listen(final ServerBootstrap bootstrap, final InetSocketAddress address)
    {
        try
        {
            return bootstrap.bind(address).syncUninterruptibly().channel();
        }
        catch (final Exception ex)
        {
            // Netty rethrows the socket's checked exception unchecked; any failure ends here.
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + address + ": " + ex.getMessage(), ex);
        }
    }

    /** Starts serving; {@code port} 0 picks a free one ({@link #port()}). */
    public static FloorServer start(final String bind, final int port, final int loops)
    {
        return new FloorServer(bind, port, loops, null);
    }

    /**
     * As {@link #start(String, int, int)}, keeping every session in {@code sessions}, and their records in its journal if it
     * has one (closed with the server).
     */
    static FloorServer start(final String bind, final int port, final int loops, final FloorSessions sessions)
    {
        try
        {
            return new FloorServer(bind, port, loops, sessions);
        }
        catch (final RuntimeException ex)
        {
            sessions.close();
            throw ex;
        }
    }

    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    public int loops()
    {
        return loops;
    }

    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (sessions != null)
        {
            sessions.close();
        }
    }

    public static void main(final String[] args) throws InterruptedException
    {
        // Pulse's own (Netty's leak detector off among them), so the floor's Netty runs as Pulse's does.
        PulseMain.applySystemPropertyDefaults(System.getProperties());
        String bind = "127.0.0.1";
        int port = 8090;
        int loops = 0;
        Path sessionsDir = null;
        int expectedSessions = 250_000;
        long expirySeconds = 60;
        Path journalDir = null;
        for (int i = 0; i < args.length; i++)
        {
            final String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port":
                    port = (int)parse(args[i], value, 0, 65_535);
                    i++;
                    break;
                case "--loops":
                    loops = (int)parse(args[i], value, 0, 1_024);
                    i++;
                    break;
                case "--sessions":
                    sessionsDir = directory(args[i], value);
                    i++;
                    break;
                case "--journal":
                    journalDir = directory(args[i], value);
                    i++;
                    break;
                case "--expected-sessions":
                    expectedSessions = (int)parse(args[i], value, 1, 100_000_000);
                    i++;
                    break;
                case "--expiry-s":
                    expirySeconds = parse(args[i], value, 1, 86_400);
                    i++;
                    break;
                case "--bind":
                    if (value == null)
                    {
                        usage("--bind needs an address");
                    }
                    bind = value;
                    i++;
                    break;
                default:
                    usage("unknown option " + args[i]);
            }
        }
        if (journalDir != null && sessionsDir == null)
        {
            usage("--journal needs --sessions (its records are the sessions')");
        }
        final FloorServer server;
        try
        {
            server = sessionsDir == null ? start(bind, port, loops) : start(bind, port, loops,
                FloorSessions.open(sessionsDir, expectedSessions, expirySeconds * 1_000, journalDir == null ? null : FloorJournal.open(journalDir)));
        }
        catch (final RuntimeException | java.io.IOException ex)
        {
            System.err.println("floor server: " + ex.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "floor-shutdown"));
        System.out.println("floor server on " + bind + ":" + server.port() + " with " + server.loops() + " event loops (" +
            (Epoll.isAvailable() ? "epoll" : "nio") + ")" + (sessionsDir == null ? "" : ", sessions in " + sessionsDir +
            " (" + expectedSessions + " expected, idle ones end after " + expirySeconds + " s)") +
            (journalDir == null ? "" : ", records in " + journalDir));
        Thread.currentThread().join();
    }

    private static Path directory(final String option, final String value)
    {
        if (value == null)
        {
            usage(option + " needs a directory");
        }
        return Path.of(value);
    }

    private static long parse(final String option, final String value, final long least, final long most)
    {
        try
        {
            final long parsed = Long.parseLong(value == null ? "" : value);
            if (parsed < least || parsed > most)
            {
                usage(option + " out of range: " + value);
            }
            return parsed;
        }
        catch (final NumberFormatException ex)
        {
            usage(option + " needs a number, not " + value);
            return 0;
        }
    }

    private static void usage(final String problem)
    {
        System.err.println("floor server: " + problem);
        System.err.println("usage: FloorServer [--port 8090] [--bind 127.0.0.1] [--loops N] " +
            "[--sessions DIR [--expected-sessions 250000] [--expiry-s 60] [--journal DIR]]");
        System.exit(2);
    }
}
