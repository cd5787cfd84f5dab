package dev.pulse.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.metrics.Metrics;

/**
 * The one place an unexpected exception in a route ends: logged once with its stack, counted in
 * {@code pulse_internal_errors_total}, answered with a bare 500 that reveals nothing.
 */
final class InternalErrors
{
    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);

    private final Metrics metrics;

    InternalErrors(final Metrics metrics)
    {
        this.metrics = metrics;
    }

    FullHttpResponse onException(final String what, final Exception ex)
    {
        metrics.internalError();
        LOG.error("{} failed", what, ex);
        return HttpResponses.internalError();
    }
}
