package dev.pulse.server.ws;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddress;

/**
 * Behind Netty's PROXY protocol decoder, on a connection from a trusted proxy with
 * {@code client_address: proxy_protocol}: the header's source address becomes the connection's
 * client ({@link ClientAddress}), then this handler steps aside, as the decoder does. As the
 * protocol's specification asks, a LOCAL command (the proxy's own health check) and an
 * {@code UNKNOWN} or {@code AF_UNIX} source keep the peer as the client; a connection whose first
 * bytes are no PROXY header, or a damaged one, is counted as a bad request
 * ({@code pulse_connections_refused_total{reason="bad_request"}}) and closed without an answer (it
 * may be TLS). That last case is a proxy not configured to send the header, so it is logged, at
 * most 5 at once and then once a minute.
 *
 * <p>One per connection, on its event loop: the decoder may report a bad header twice (again when
 * the connection closes with the rest of it buffered), and the connection is counted once.
 */
final class ProxyProtocolHandler extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolHandler.class);

    private final Metrics metrics;
    private final LogThrottle missingHeaders;
    private boolean refused;

    /** @param missingHeaders when a connection without a valid header may be logged: shared by all connections. */
    ProxyProtocolHandler(final Metrics metrics, final LogThrottle missingHeaders)
    {
        this.metrics = metrics;
        this.missingHeaders = missingHeaders;
    }

    /** For the {@code missingHeaders} of every connection of a server: 5 lines at once, then one a minute. */
    static LogThrottle newLogThrottle()
    {
        return new LogThrottle(5, 1, TimeUnit.MINUTES);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof HAProxyMessage header))
        {
            ctx.fireChannelRead(message);
            return;
        }
        try
        {
            ClientAddress.set(ctx.channel(), sourceOf(header));
        }
        finally
        {
            header.release();
        }
        ctx.pipeline().remove(this);
    }

    /** The client the header names; null for the peer (LOCAL, UNKNOWN, a UNIX socket). */
    static InetAddress sourceOf(final HAProxyMessage header)
    {
        if (header.command() != HAProxyCommand.PROXY || header.sourceAddress() == null)
        {
            return null;
        }
        final HAProxyProxiedProtocol.AddressFamily family = header.proxiedProtocol().addressFamily();
        if (family != HAProxyProxiedProtocol.AddressFamily.AF_IPv4 && family != HAProxyProxiedProtocol.AddressFamily.AF_IPv6)
        {
            return null;
        }
        return NetUtil.createInetAddressFromIpAddressString(header.sourceAddress());
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof HAProxyProtocolException))
        {
            ctx.fireExceptionCaught(cause);
            return;
        }
        ctx.close();
        if (refused)
        {
            return;
        }
        refused = true;
        metrics.refused(Metrics.RefusalReason.BAD_REQUEST);
        final long unlogged = missingHeaders.take(System.nanoTime());
        if (unlogged != LogThrottle.QUIET)
        {
            LOG.warn("closed a connection from trusted proxy {} that sent no valid PROXY protocol header ({}; client_address is " +
                "proxy_protocol: does the proxy send one, as HAProxy's send-proxy-v2 does?); {} more since the last such line",
                ClientAddress.describe(ctx.channel()), cause.getMessage(), unlogged);
        }
    }
}
