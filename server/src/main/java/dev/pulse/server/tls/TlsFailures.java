package dev.pulse.server.tls;

import javax.net.ssl.SSLException;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.net.ClientAddress;

/**
 * Right behind the TLS handler: a connection that fails its TLS handshake (a plain {@code ws://}
 * or {@code http://} request, an old protocol, a client that distrusts the certificate) is counted
 * as refused ({@code reason="tls"}) and closed, quietly: that is the internet's noise, not the
 * server's error, so it must not reach the handlers that count and log internal errors.
 */
@Sharable
public final class TlsFailures extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(TlsFailures.class);

    private final Metrics metrics;

    public TlsFailures(final Metrics metrics)
    {
        this.metrics = metrics;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof SslHandshakeCompletionEvent handshake)
        {
            if (!handshake.isSuccess())
            {
                metrics.refused(Metrics.RefusalReason.TLS);
                LOG.debug("TLS handshake with {} failed: {}", ClientAddress.describe(ctx.channel()), handshake.cause().toString());
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (isTls(cause))
        {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static boolean isTls(final Throwable cause)
    {
        for (Throwable t = cause; t != null; t = t.getCause())
        {
            if (t instanceof SSLException)
            {
                return true;
            }
        }
        return false;
    }
}
