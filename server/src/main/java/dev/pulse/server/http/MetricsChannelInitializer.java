package dev.pulse.server.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

/**
 * The pipeline of the metrics listener: {@code timeout -> http -> aggregate -> metrics routes}.
 * Requests there are small GETs, so the limits are tight; a connection silent for the read
 * timeout is closed. Plain HTTP even when the main port speaks TLS: it is meant for a private
 * network, which is why it is a separate listener at all.
 */
public final class MetricsChannelInitializer extends ChannelInitializer<SocketChannel>
{
    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final MetricsRoutes routes;
    private final long readTimeoutMs;

    public MetricsChannelInitializer(final RouteContext context, final long readTimeoutMs)
    {
        this.routes = new MetricsRoutes(context);
        this.readTimeoutMs = readTimeoutMs;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline()
            .addLast("timeout", new ReadTimeoutHandler(readTimeoutMs, TimeUnit.MILLISECONDS))
            .addLast("http", new HttpServerCodec(4096, 8192, 8192))
            .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
            .addLast("routes", routes);
    }
}
