package dev.pulse.server.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.tls.LiveCertificate;
import dev.pulse.server.tls.TlsFailures;

/**
 * Builds each connection's pipeline; it reads like the life of a connection:
 *
 * <pre>
 *   http -> aggregate -> gate -> routes -> ws -> connection     (plain HTTP: /metrics, /demo/, ...; the gate and the routes answer)
 *   wsencoder -> wsdecoder -> utf8 -> ws -> connection          (after the /ws upgrade: Netty's codecs, then one handler of ours)
 * </pre>
 *
 * ({@code ws} adds Netty's handshake handler and its UTF-8 check before itself; the handshake
 * handler leaves with the upgrade, which also puts the frame codecs in the HTTP codec's place.)
 *
 * After the upgrade a frame makes as few hops as the protocol allows: the connection's read does
 * the rate limit, joins fragmented messages (1009 over the limit) and answers pings
 * ({@link FrameIntake}), and the read timeout is a timer on the loop's wheel that the end of every
 * read batch pushes back ({@link ReadTimeout}: any byte in, even a ping or part of a frame, counts
 * as life), for HTTP connections too. {@code PulseChannelInitializerTest} pins both pipelines:
 * a handler added to them is a conscious change. No WebSocket extension
 * (so no compression) is negotiated; UTF-8 is validated; protocol violations close with their code.
 * With TLS configured, {@code ssl -> tls-failures} come before all of it: the port then speaks
 * only TLS, and a failed TLS handshake is counted and closed there. On a connection from a trusted
 * proxy with {@code client_address: proxy_protocol}, {@code proxy-protocol -> proxy-address} come
 * first of all (the PROXY header precedes the TLS handshake) and leave once the header is read; a
 * PROXY header from anyone else reaches the HTTP decoder, which refuses it as a bad request.
 */
public final class PulseChannelInitializer extends ChannelInitializer<Channel>
{
    static final String ROUTES = "routes";
    static final String CONNECTION = "connection";
    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final ServerContext server;
    private final ChannelHandler routes;
    /** Made once: the codec only reads it, and its constructor from plain sizes would make one per connection. */
    private final HttpDecoderConfig httpConfig = new HttpDecoderConfig().setMaxInitialLineLength(4096).setMaxHeaderSize(8192)
        .setMaxChunkSize(8192);
    private final WebSocketDecoderConfig decoderConfig;
    private final WebSocketServerProtocolConfig protocolConfig;
    private final LiveCertificate tls;
    private final TlsFailures tlsFailures;
    private final LogThrottle missingProxyHeaders = ProxyProtocolHandler.newLogThrottle();

    /** @param routes the HTTP routes: one {@link ChannelHandler.Sharable} instance in every connection's pipeline. */
    public PulseChannelInitializer(final ServerContext server, final ChannelHandler routes)
    {
        this(server, routes, null);
    }

    /**
     * @param routes the HTTP routes: one {@link ChannelHandler.Sharable} instance in every connection's
     *               pipeline, so what it caches (the static files read from the jar) is read once per
     *               server, not on each connection's first request.
     * @param tls    the server's certificate, or null for plain ws:// and http://. Each connection's TLS handler is
     *               made from the context current when it is accepted: a reload reaches new connections only.
     */
    public PulseChannelInitializer(final ServerContext server, final ChannelHandler routes, final LiveCertificate tls)
    {
        if (!routes.getClass().isAnnotationPresent(ChannelHandler.Sharable.class))
        {
            throw new IllegalArgumentException(routes.getClass().getName() + " is not @Sharable: it cannot serve every connection");
        }
        this.server = server;
        this.routes = routes;
        this.tls = tls;
        this.tlsFailures = tls == null ? null : new TlsFailures(server.metrics());
        final ServerConfig config = server.config();
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(config.maxMessageBytes())
            .expectMaskedFrames(true)
            .allowMaskMismatch(false)
            .allowExtensions(false)
            .closeOnProtocolViolation(true)
            .withUTF8Validator(true)
            .build();
        this.protocolConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(UpgradeGate.WS_PATH)
            .checkStartsWith(true)
            .handshakeTimeoutMillis(config.handshakeTimeoutMs())
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .sendCloseFrame(null)
            .decoderConfig(decoderConfig)
            .build();
    }

    @Override
    protected void initChannel(final Channel channel)
    {
        final ServerConfig config = server.config();
        final ChannelPipeline pipeline = channel.pipeline();
        if (server.clientAddresses().expectsProxyProtocol(channel))
        {
            pipeline.addLast("proxy-protocol", new HAProxyMessageDecoder());
            pipeline.addLast("proxy-address", new ProxyProtocolHandler(server.metrics(), missingProxyHeaders));
        }
        if (tls != null)
        {
            pipeline.addLast("ssl", tls.sslContext().newHandler(channel.alloc()));
            pipeline.addLast("tls-failures", tlsFailures);
        }
        pipeline.addLast("http", new HttpServerCodec(httpConfig));
        pipeline.addLast("aggregate", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        pipeline.addLast("gate", new UpgradeGate(server, decoderConfig, tls != null));
        pipeline.addLast(ROUTES, routes);
        pipeline.addLast("ws", new PingPassingProtocolHandler(protocolConfig));
        final ConnectionCloser closer = new ConnectionCloser(server.metrics());
        final WriteStallGuard writeStall = new WriteStallGuard(config.writeStallTimeoutMs(), config.maxPendingWriteBytes(),
            () -> closer.closeWith(CloseCode.SLOW_CONSUMER));
        pipeline.addLast(CONNECTION, new ConnectionHandler(server, closer, writeStall));
    }
}
