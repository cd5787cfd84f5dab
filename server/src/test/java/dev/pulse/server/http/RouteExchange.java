package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** One request through the routes on an {@link EmbeddedChannel}, as the route tests send them. */
final class RouteExchange
{
    private RouteExchange()
    {
    }

    /** Sends {@code request} and returns its response, copied out, the channel's buffer released. */
    static FullHttpResponse exchange(final EmbeddedChannel channel, final FullHttpRequest request)
    {
        channel.writeInbound(request);
        final FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("a response to " + request.uri()).isNotNull();
        final FullHttpResponse copy = response.copy();
        response.release();
        return copy;
    }

    static String body(final FullHttpResponse response)
    {
        return response.content().toString(StandardCharsets.UTF_8);
    }
}
