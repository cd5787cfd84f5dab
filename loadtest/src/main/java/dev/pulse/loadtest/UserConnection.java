package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;

/**
 * A virtual user's connection, one at a time: connecting, the upgrade, the hello with the
 * session's sid (so a reconnect resumes the session), the welcome, writes batched until the next
 * flush, and the close. Events from a channel the user has already left are told apart by
 * {@link #is}, because a closing channel still reports after the user has moved on.
 *
 * <p>Not thread-safe: owned by its user's event loop, like its channel.
 */
final class UserConnection
{
    /** How far the current connection has come. */
    enum Link
    {
        DOWN, CONNECTING, UPGRADING, HELLO_SENT, READY
    }

    /** What a welcome meant for the session. */
    enum Welcome
    {
        /** Not a welcome this connection waited for: counted as malformed, nothing changes. */
        MALFORMED,
        /** A first connection, or a session the user had not started yet: nothing to resend. */
        FRESH,
        /** The server resumed the session after a reconnect: resend what it had not handled. */
        RESUMED,
        /** The server did not know the session any more after a reconnect. */
        SESSION_LOST
    }

    private static final int CLOSE_NORMAL = 1000;

    private final LoopAgent agent;
    private final LoopMeasurements measured;
    private final VirtualUser user;
    private final byte[] sid = new byte[ServerMessage.MAX_ID_LENGTH];
    private int sidLength;
    private final UserCarry carry;

    private Channel channel;
    private Link link = Link.DOWN;
    private boolean listed;
    private boolean unflushed;
    private long connectStartNs;
    private boolean reconnecting;
    /**
     * A connection was lost and no welcome has come since, whatever the user did meanwhile (its
     * session may have ended and a new one started): the reconnect gap is still running.
     */
    private boolean unserved;
    /** When the first connection of that run of losses was lost. */
    private long lostNs;
    private int reconnectAttempt;

    UserConnection(final LoopAgent agent, final VirtualUser user)
    {
        this.agent = agent;
        this.measured = agent.measurements();
        this.user = user;
        this.carry = new UserCarry(measured);
    }

    /** Opens a connection; its connect latency runs from {@code intendedNs}. */
    void connect(final long intendedNs)
    {
        connectStartNs = intendedNs;
        link = Link.CONNECTING;
        channel = agent.connect(user);
    }

    /** Whether {@code from} is the current connection (not one already left). */
    boolean is(final Channel from)
    {
        return from == channel;
    }

    /** The TCP connection is up: the handler sends the upgrade request. */
    void onActive(final Channel from)
    {
        if (from == channel)
        {
            link = Link.UPGRADING;
        }
    }

    /** The server accepted the upgrade: the session's first message, with the sid to resume (none at first). */
    void onUpgraded(final Channel from)
    {
        if (from != channel)
        {
            return;
        }
        link = Link.HELLO_SENT;
        from.writeAndFlush(carry.hello(agent.proxy(), from.alloc(), sid, sidLength), from.voidPromise());
    }

    /** The welcome after the hello: the connection is ready and the session's sid is kept for a reconnect. */
    Welcome onWelcome(final ServerMessage message, final long nowNs)
    {
        if (link != Link.HELLO_SENT || message.sidLength == 0)
        {
            return Welcome.MALFORMED;
        }
        link = Link.READY;
        reconnectAttempt = 0;
        if (unserved)
        {
            unserved = false;
            LoopMeasurements.record(measured.reconnectGap, lostNs, nowNs);
        }
        carry.onWelcome(message.resumed);
        if (connectStartNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.connect, connectStartNs, nowNs);
        }
        final boolean hadSession = sidLength > 0;
        sidLength = message.sidLength;
        System.arraycopy(message.sid, 0, sid, 0, sidLength);
        if (!reconnecting)
        {
            return Welcome.FRESH;
        }
        reconnecting = false;
        measured.reconnects++;
        if (hadSession && message.resumed)
        {
            measured.resumed++;
            return Welcome.RESUMED;
        }
        return hadSession ? Welcome.SESSION_LOST : Welcome.FRESH;
    }

    /**
     * The server closed with {@code code}, or (code 0) the connection was lost or never made:
     * counts the close (a connect that failed has no close to count) and whether the connection
     * failed before it was ready. Returns false, counting nothing, for a channel already left.
     */
    boolean onLost(final Channel from, final int code)
    {
        if (from != channel)
        {
            return false;
        }
        final Link was = link;
        link = Link.DOWN;
        channel = null;
        unflushed = false;
        if (was != Link.CONNECTING || code != 0)
        {
            measured.close(code == 0 ? LoopMeasurements.CLOSE_ABNORMAL : code);
        }
        if (was != Link.READY)
        {
            measured.connectFailures++;
        }
        return true;
    }

    /**
     * After a lost connection: connect again after the agent's backoff, and resume the session then.
     * The reconnect gap runs from the first of a run of losses ({@code nowNs}) to the next welcome.
     */
    void reconnectLater(final long nowNs)
    {
        if (!unserved)
        {
            unserved = true;
            lostNs = nowNs;
        }
        reconnecting = true;
        agent.reconnectLater(user, reconnectAttempt++);
    }

    /** The backoff has passed: connects unless the run ended or a connection was opened meanwhile. */
    void reconnect(final long nowNs)
    {
        if (!agent.ended() && link == Link.DOWN)
        {
            connect(nowNs);
        }
    }

    /** The next session starts without a sid: the server makes a new one. */
    void forgetSession()
    {
        sidLength = 0;
        reconnecting = false;
    }

    /** The session's carry and acked seq, for the hello that resumes it on any node. */
    UserCarry carry()
    {
        return carry;
    }

    ByteBufAllocator alloc()
    {
        return channel.alloc();
    }

    /** Writes without flushing: the tick (or the end of a read batch) flushes once. */
    void write(final ByteBuf frame)
    {
        channel.write(frame, channel.voidPromise());
        unflushed = true;
        if (!listed)
        {
            listed = true;
            agent.flushLater(user);
        }
    }

    /** The tick's flush: the user leaves the loop's list. */
    void flushListed()
    {
        listed = false;
        flush();
    }

    /** Flushes what was written since the last flush. */
    void flush()
    {
        if (unflushed && channel != null)
        {
            unflushed = false;
            channel.flush();
        }
    }

    /**
     * Leaves the connection with a normal close frame (the server closes TCP after it, so TIME_WAIT
     * stays on its side). At the end of the run ({@code onlyIfActive}) a channel that has already
     * closed gets no frame.
     */
    void close(final boolean onlyIfActive)
    {
        final Channel old = channel;
        channel = null;
        link = Link.DOWN;
        unflushed = false;
        if (old != null && (!onlyIfActive || old.isActive()))
        {
            agent.closeGently(old, agent.proxy().close(old.alloc(), CLOSE_NORMAL));
        }
    }

    /** Whether there is a channel to write to (it may still be connecting). */
    boolean open()
    {
        return channel != null;
    }

    /** A connection was lost and no welcome has come since. */
    boolean unserved()
    {
        return unserved;
    }

    boolean ready()
    {
        return link == Link.READY;
    }

    /** Between the TCP connect and the welcome: the server still owes an answer. */
    boolean handshaking()
    {
        return link == Link.UPGRADING || link == Link.HELLO_SENT;
    }
}
