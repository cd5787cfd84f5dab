package dev.pulse.loadtest;

import io.netty.channel.Channel;

/**
 * One virtual user: a session of the protocol on one connection at a time, walking journey after
 * journey, one message per scheduled slot. It counts a question as received only while it waits
 * for one (after the event that completes its journey's pattern), answers it at its next slot,
 * then moves forward or leaves: it leaves after an exit intent, when the next journey's question
 * was already asked in this session (a session is never asked the same question twice), or after
 * a missed question. Leaving closes the connection once every message is acknowledged and the
 * response has come, and opens a fresh session.
 *
 * <p>A slot that comes while the user has no ready connection (connecting, leaving, reconnecting)
 * is owed, not dropped: it is sent, late, as soon as the connection is ready, and every latency
 * counts from intended times, so the wait is charged in full. The send lag records only the slots
 * sent when due: it tells whether the generator itself kept the schedule.
 *
 * <p>This class ties three parts together: where the user is in its journeys ({@link JourneyWalk}),
 * what its session sent and is owed ({@link SessionSender}) and its connection
 * ({@link UserConnection}). Not thread-safe: owned by its event loop, like its channel.
 */
final class VirtualUser
{
    private final LoopAgent agent;
    private final LoopMeasurements measured;
    private final int position;
    private final UserConnection connection;
    private final SessionSender sender;
    private final JourneyWalk walk;
    /** The key a balancer hashes on: one per user for the whole run, across its reconnects and sessions. */
    private final byte[] routeKey = UpgradeRequest.newRouteKey();
    /** Failed without reconnecting (no {@code --reconnect}): the user sends nothing more. */
    private boolean dead;
    private long nextSlot;

    VirtualUser(final LoopAgent agent, final int position)
    {
        this.agent = agent;
        this.measured = agent.measurements();
        this.position = position;
        this.connection = new UserConnection(agent, this);
        this.sender = new SessionSender(agent, connection);
        this.walk = new JourneyWalk(agent);
    }

    /** The routing key every connection of this user sends ({@code route=} in the upgrade's URL). */
    byte[] routeKey()
    {
        return routeKey;
    }

    /** Opens the user's first session at {@code intendedNs} (its place in the ramp). */
    void start(final long intendedNs)
    {
        walk.start(agent.drawJourney());
        connection.connect(intendedNs);
    }

    // ---------------------------------------------------------------- the schedule

    /** The slot of {@code round} has come: sends every slot owed up to it, if the connection is ready. */
    void onSlot(final long round, final long nowNs)
    {
        if (dead)
        {
            nextSlot = round + 1;
            return;
        }
        if (walk.leaving())
        {
            if (walk.leaveOverdue(nowNs))
            {
                sender.dropUnacked();
                sender.forgetResponse();
                leave(nowNs);
            }
            return;
        }
        catchUp(round, round, nowNs);
    }

    /**
     * Sends the slots owed up to {@code lastRound}; the slot of {@code dueRound} (-1 for none) is the
     * one the tick found due just now: only its lateness is the generator's own send lag. An owed
     * slot is late because its connection was not ready; it is counted apart, and its latencies
     * still run from its intended time.
     */
    private void catchUp(final long lastRound, final long dueRound, final long nowNs)
    {
        while (nextSlot <= lastRound && connection.ready() && !walk.leaving() &&
            sendSlot(agent.intendedNs(position, nextSlot), nowNs, nextSlot == dueRound))
        {
            nextSlot++;
        }
    }

    /** Sends the message this slot is for; false if the slot stays owed. */
    private boolean sendSlot(final long intendedNs, final long nowNs, final boolean due)
    {
        switch (walk.phase())
        {
            case STEPS:
                sender.send(walk.step(), intendedNs);
                if (walk.stepSent(intendedNs))
                {
                    beginLeave(nowNs);
                }
                break;
            case AWAIT_QUESTION:
                if (walk.questionOverdue(nowNs))
                {
                    walk.questionTimedOut();
                    beginLeave(nowNs);
                    return false;
                }
                sender.send(Step.FILLER, intendedNs);
                break;
            case ANSWER:
                sender.sendAnswer(intendedNs);
                if (walk.finishJourney())
                {
                    beginLeave(nowNs);
                }
                break;
            case FORWARD:
                sender.send(Step.FORWARD, intendedNs);
                walk.forwardSent();
                break;
            default:
                return false;
        }
        if (intendedNs >= agent.measureStartNs())
        {
            measured.eventsSent++;
            if (due)
            {
                LoopMeasurements.record(measured.sendLag, intendedNs, nowNs);
            }
            else
            {
                measured.eventsOwed++;
            }
        }
        return true;
    }

    /** The tick's flush: the user leaves the loop's list. */
    void flushListed()
    {
        connection.flushListed();
    }

    /** Flushes what was written since the last flush (the end of a read batch). */
    void flush()
    {
        connection.flush();
    }

    // ---------------------------------------------------------------- what the connection reports

    /** The TCP connection is up: the handler sends the upgrade request. */
    void onActive(final Channel from)
    {
        connection.onActive(from);
    }

    /** The server accepted the upgrade: the session's first message. */
    void onUpgraded(final Channel from)
    {
        connection.onUpgraded(from);
    }

    /** A frame the server sent, read into {@code message}. */
    void onMessage(final Channel from, final ServerMessage message, final long nowNs)
    {
        if (!connection.is(from))
        {
            return;
        }
        switch (message.type)
        {
            case ACK:
                if (message.hasSeq)
                {
                    onAck(message.seq, nowNs);
                }
                break;
            case QUESTION:
                if (walk.onQuestion(message, nowNs))
                {
                    sender.holdAnswer(message);
                }
                break;
            case RESPONSE:
                if (sender.onResponse(nowNs) && walk.leaving())
                {
                    tryLeave(nowNs);
                }
                break;
            case WELCOME:
                onWelcome(message, nowNs);
                break;
            case CARRY:
                connection.carry().keep(message);
                break;
            case ERROR:
                if (!connection.carry().excuses(message))
                {
                    measured.errors[message.errorCode]++;
                }
                break;
            case MALFORMED:
                measured.errors[ErrorCodes.MALFORMED]++;
                break;
            default:
                break;
        }
    }

    private void onWelcome(final ServerMessage message, final long nowNs)
    {
        switch (connection.onWelcome(message, nowNs))
        {
            case MALFORMED:
                measured.errors[ErrorCodes.MALFORMED]++;
                return;
            case RESUMED:
                resendAfter(message.seq, nowNs);
                break;
            case SESSION_LOST:
                // What the server had not acknowledged is lost, and the journey starts again.
                sender.dropUnacked();
                sender.restartSeq();
                sender.forgetResponse();
                walk.sessionLost();
                break;
            default:
                break;
        }
        catchUp(agent.lastDueRound(position), -1, nowNs);
    }

    /**
     * After a resume: what the server handled (up to {@code handledSeq}) counts as acknowledged,
     * and every later message is sent again, in order, with its seq.
     */
    private void resendAfter(final long handledSeq, final long nowNs)
    {
        onAck(handledSeq, nowNs);
        if (connection.open())
        {
            sender.resendUnacked();
        }
    }

    private void onAck(final long ackSeq, final long nowNs)
    {
        sender.onAck(ackSeq, nowNs);
        if (walk.leaving())
        {
            tryLeave(nowNs);
        }
    }

    /** The server closed with {@code code}, or (code 0) the connection was lost or never made. */
    void onConnectionLost(final Channel from, final int code, final long nowNs)
    {
        if (!connection.onLost(from, code))
        {
            return;
        }
        walk.onDisconnected();
        sender.forgetResponse();
        if (agent.ended())
        {
            return;
        }
        if (agent.reconnects())
        {
            connection.reconnectLater(nowNs);
        }
        else
        {
            dead = true;
            sender.dropUnacked();
            walk.stopAwaiting();
        }
    }

    /** The backoff after a lost connection has passed. */
    void reconnect(final long nowNs)
    {
        connection.reconnect(nowNs);
    }

    // ---------------------------------------------------------------- leaving

    private void beginLeave(final long nowNs)
    {
        walk.beginLeave(nowNs);
        tryLeave(nowNs);
    }

    private void tryLeave(final long nowNs)
    {
        if (sender.settled())
        {
            leave(nowNs);
        }
    }

    /** Closes the session's connection (the server closes TCP after the close frame) and opens a fresh session. */
    private void leave(final long nowNs)
    {
        connection.close(false);
        if (agent.ended())
        {
            return;
        }
        connection.forgetSession();
        sender.restartSeq();
        walk.newSession();
        connection.connect(nowNs);
    }

    // ---------------------------------------------------------------- the end of the run

    /** Whether something is still on its way: a question awaited, an ack, a response, a connection. */
    boolean pending(final long nowNs)
    {
        if (dead)
        {
            return false;
        }
        return walk.stillAwaiting(nowNs) || sender.awaitingResponse() ||
            (connection.ready() && sender.hasUnacked()) || connection.handshaking();
    }

    /** Counts what never came and closes the connection normally. */
    void finish()
    {
        walk.end();
        if (connection.unserved())
        {
            measured.neverBack++;
        }
        if (!dead)
        {
            sender.dropUnacked();
        }
        connection.close(true);
    }

    boolean ready()
    {
        return connection.ready();
    }

    boolean dead()
    {
        return dead;
    }
}
