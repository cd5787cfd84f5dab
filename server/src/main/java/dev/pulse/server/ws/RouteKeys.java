package dev.pulse.server.ws;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.pulse.server.auth.VisitorId;
import dev.pulse.server.metrics.MetricFamilies;

/**
 * The routing key of a WebSocket upgrade ({@code GET /ws?site=S&route=K}): what a balancer in front
 * of several nodes hashes on so that every connection of a visitor reaches the same node. Pulse
 * itself never reads it for anything else, and never for identity (the session is the hello's
 * {@code sid} or token, whatever the key says). A key is 1 to 64 of {@code A-Z a-z 0-9 - _}, given
 * once.
 *
 * <p>A connection without a usable key is still served: by the time Pulse reads the request the
 * balancer has already picked this node, so refusing it could not mend the routing and would only
 * cost the visitor Pulse (a snippet cached from before keys, a native client, a single node without
 * a balancer). It is counted instead, as {@code pulse_connections_unrouted_total{reason}}: absent, or
 * malformed (empty, too long, another character, or given more than once, where balancers may hash
 * another copy than the one a client meant). Thread-safe: every event loop counts here.
 */
final class RouteKeys implements MetricFamilies
{
    /** The URL parameter, as docs/protocol.md names it. */
    static final String PARAMETER = "route";
    static final String METRIC = "pulse_connections_unrouted_total";

    /** How usable an upgrade's routing key is. */
    enum State
    {
        VALID, ABSENT, MALFORMED
    }

    private final LongAdder absent = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    /** What the query's {@code route} values (null when the parameter is not there) amount to. */
    static State of(final List<String> values)
    {
        if (values == null || values.isEmpty())
        {
            return State.ABSENT;
        }
        // The rule of a visitor id: the same characters and length, a URL-safe token.
        return values.size() == 1 && VisitorId.isValid(values.get(0)) ? State.VALID : State.MALFORMED;
    }

    /** Counts the key of an upgrade Pulse accepted. */
    void onAccepted(final List<String> values)
    {
        switch (of(values))
        {
            case ABSENT -> absent.increment();
            case MALFORMED -> malformed.increment();
            case VALID ->
            {
                // the usual case: nothing to count
            }
        }
    }

    @Override
    public void write(final StringBuilder out)
    {
        out.append("# HELP ").append(METRIC).append(" WebSocket connections accepted without a usable routing key (route), by reason.\n");
        out.append("# TYPE ").append(METRIC).append(" counter\n");
        out.append(METRIC).append("{reason=\"absent\"} ").append(absent.sum()).append('\n');
        out.append(METRIC).append("{reason=\"malformed\"} ").append(malformed.sum()).append('\n');
    }
}
