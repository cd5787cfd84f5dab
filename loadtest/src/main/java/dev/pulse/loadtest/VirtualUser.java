package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;
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
 * <p>Not thread-safe: owned by its event loop, like its channel.
 */
final class VirtualUser
{
    private enum Phase
    {
        STEPS, AWAIT_QUESTION, ANSWER, FORWARD, LEAVING
    }

    private enum Link
    {
        DOWN, CONNECTING, UPGRADING, HELLO_SENT, READY
    }

    private static final int CLOSE_NORMAL = 1000;

    private final LoopAgent agent;
    private final LoopMeasurements measured;
    private final int position;
    private final AckRing unacked = new AckRing();
    private final byte[] sid = new byte[ServerMessage.MAX_ID_LENGTH];
    private final byte[] choice = new byte[ServerMessage.MAX_ID_LENGTH];
    private int sidLength;
    private int choiceLength;

    private Channel channel;
    private Link link = Link.DOWN;
    private boolean listed;
    private boolean unflushed;
    private boolean dead;
    private long connectStartNs;
    private boolean reconnecting;
    private int reconnectAttempt;

    private long seq;
    private long ackedSeq;
    private int askedMask;
    private Journey journey;
    private Journey next;
    private int step;
    private Phase phase = Phase.STEPS;
    private long expectIntendedNs;
    private long expectDeadlineNs;
    private boolean disrupted;
    /** The journey whose question timed out on this session's connection: its question may still come, late. */
    private Journey timedOut;
    private final byte[] iid = new byte[ServerMessage.MAX_ID_LENGTH];
    private int iidLength;
    private boolean awaitingResponse;
    private long answerIntendedNs;
    private long leaveSinceNs;
    private long nextSlot;

    VirtualUser(final LoopAgent agent, final int position)
    {
        this.agent = agent;
        this.measured = agent.measurements();
        this.position = position;
    }

    /** Opens the user's first session at {@code intendedNs} (its place in the ramp). */
    void start(final long intendedNs)
    {
        startJourney(agent.drawJourney());
        connect(intendedNs);
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
        if (phase == Phase.LEAVING)
        {
            if (nowNs - leaveSinceNs > agent.questionTimeoutNs())
            {
                measured.acksLost += unacked.size();
                unacked.clear();
                awaitingResponse = false;
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
        while (nextSlot <= lastRound && link == Link.READY && phase != Phase.LEAVING &&
            sendSlot(agent.intendedNs(position, nextSlot), nowNs, nextSlot == dueRound))
        {
            nextSlot++;
        }
    }

    /** Sends the message this slot is for; false if the slot stays owed. */
    private boolean sendSlot(final long intendedNs, final long nowNs, final boolean due)
    {
        switch (phase)
        {
            case STEPS:
                send(journey.step(step), intendedNs);
                if (journey.asked() && step == journey.stepCount() - 1)
                {
                    expect(intendedNs);
                }
                else if (++step == journey.stepCount())
                {
                    finishJourney(nowNs);
                }
                break;
            case AWAIT_QUESTION:
                if (nowNs >= expectDeadlineNs)
                {
                    questionTimedOut();
                    beginLeave(nowNs);
                    return false;
                }
                send(Step.FILLER, intendedNs);
                break;
            case ANSWER:
                sendAnswer(intendedNs);
                finishJourney(nowNs);
                break;
            case FORWARD:
                send(Step.FORWARD, intendedNs);
                startJourney(next);
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

    private void expect(final long intendedNs)
    {
        phase = Phase.AWAIT_QUESTION;
        expectIntendedNs = intendedNs;
        expectDeadlineNs = intendedNs + agent.questionTimeoutNs() + (journey == Journey.IDLE ? agent.idleNs() : 0);
        disrupted = false;
    }

    private void startJourney(final Journey journey)
    {
        this.journey = journey;
        step = 0;
        phase = Phase.STEPS;
        measured.runs[journey.ordinal()]++;
    }

    /** After a journey's last message: forward to the next journey, or leave. */
    private void finishJourney(final long nowNs)
    {
        next = agent.drawJourney();
        if (journey.endsSession() || (next.asked() && (askedMask & next.bit()) != 0))
        {
            beginLeave(nowNs);
        }
        else if (journey.asked())
        {
            phase = Phase.FORWARD;
        }
        else
        {
            startJourney(next);
        }
    }

    private void questionTimedOut()
    {
        if (disrupted)
        {
            measured.interrupted[journey.ordinal()]++;
        }
        else
        {
            measured.missed[journey.ordinal()]++;
        }
        timedOut = journey;
        next = agent.drawJourney();
    }

    // ---------------------------------------------------------------- sending

    private void send(final Step message, final long intendedNs)
    {
        seq++;
        write(agent.proxy().message(channel.alloc(), message.template(), seq));
        unacked.add(seq, intendedNs, message.id());
    }

    private void sendAnswer(final long intendedNs)
    {
        seq++;
        write(agent.proxy().answer(channel.alloc(), iid, iidLength, choice, choiceLength, seq));
        unacked.add(seq, intendedNs, AckRing.ANSWER);
        awaitingResponse = true;
        answerIntendedNs = intendedNs;
    }

    /** Writes without flushing: the tick (or the end of a read batch) flushes once. */
    private void write(final ByteBuf frame)
    {
        channel.write(frame, channel.voidPromise());
        unflushed = true;
        if (!listed)
        {
            listed = true;
            agent.flushLater(this);
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

    // ---------------------------------------------------------------- the connection

    private void connect(final long intendedNs)
    {
        connectStartNs = intendedNs;
        link = Link.CONNECTING;
        channel = agent.connect(this);
    }

    /** The TCP connection is up: the handler sends the upgrade request. */
    void onActive(final Channel from)
    {
        if (from == channel)
        {
            link = Link.UPGRADING;
        }
    }

    /** The server accepted the upgrade: the session's first message. */
    void onUpgraded(final Channel from)
    {
        if (from != channel)
        {
            return;
        }
        link = Link.HELLO_SENT;
        from.writeAndFlush(agent.proxy().hello(from.alloc(), sid, sidLength), from.voidPromise());
    }

    /** A frame the server sent, read into {@code message}. */
    void onMessage(final Channel from, final ServerMessage message, final long nowNs)
    {
        if (from != channel)
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
                onQuestion(message, nowNs);
                break;
            case RESPONSE:
                onResponse(nowNs);
                break;
            case WELCOME:
                onWelcome(message, nowNs);
                break;
            case ERROR:
                measured.errors[message.errorCode]++;
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
        if (link != Link.HELLO_SENT || message.sidLength == 0)
        {
            measured.errors[ErrorCodes.MALFORMED]++;
            return;
        }
        link = Link.READY;
        reconnectAttempt = 0;
        if (connectStartNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.connect, connectStartNs, nowNs);
        }
        final boolean hadSession = sidLength > 0;
        sidLength = message.sidLength;
        System.arraycopy(message.sid, 0, sid, 0, sidLength);
        if (reconnecting)
        {
            reconnecting = false;
            measured.reconnects++;
            if (hadSession && message.resumed)
            {
                measured.resumed++;
                resendAfter(message.seq, nowNs);
            }
            else if (hadSession)
            {
                sessionLost();
            }
        }
        catchUp(agent.lastDueRound(position), -1, nowNs);
    }

    /** The server did not know the session any more: what it had not acknowledged is lost, the journey starts again. */
    private void sessionLost()
    {
        measured.acksLost += unacked.size();
        unacked.clear();
        seq = 0;
        ackedSeq = 0;
        askedMask = 0;
        timedOut = null;
        awaitingResponse = false;
        if (phase == Phase.AWAIT_QUESTION)
        {
            measured.interrupted[journey.ordinal()]++;
        }
        startJourney(phase == Phase.LEAVING || phase == Phase.FORWARD ? next : journey);
    }

    /**
     * After a resume: what the server handled (up to {@code handledSeq}) counts as acknowledged,
     * and every later message is sent again, in order, with its seq (an answer goes to the latest
     * question: a session answers one at a time, and an answer is acknowledged at once).
     */
    private void resendAfter(final long handledSeq, final long nowNs)
    {
        onAck(handledSeq, nowNs);
        if (channel == null)
        {
            return;
        }
        for (int age = 0; age < unacked.size(); age++)
        {
            final int kind = unacked.kindAt(age);
            final long resentSeq = unacked.seqAt(age);
            write(kind == AckRing.ANSWER ?
                agent.proxy().answer(channel.alloc(), iid, iidLength, choice, choiceLength, resentSeq) :
                agent.proxy().message(channel.alloc(), Step.byId(kind).template(), resentSeq));
        }
    }

    private void onAck(final long ackSeq, final long nowNs)
    {
        if (ackSeq > ackedSeq && ackSeq <= seq)
        {
            ackedSeq = ackSeq;
        }
        final long measureStartNs = agent.measureStartNs();
        while (unacked.size() > 0 && unacked.oldestSeq() <= ackedSeq)
        {
            if (unacked.oldestIntendedNs() >= measureStartNs)
            {
                LoopMeasurements.record(measured.ack, unacked.oldestIntendedNs(), nowNs);
            }
            unacked.removeOldest();
        }
        if (phase == Phase.LEAVING)
        {
            tryLeave(nowNs);
        }
    }

    private void onQuestion(final ServerMessage message, final long nowNs)
    {
        if (phase != Phase.AWAIT_QUESTION)
        {
            if (timedOut != null)
            {
                measured.late[timedOut.ordinal()]++;
                timedOut = null;
            }
            else
            {
                measured.unexpected[journey.ordinal()]++;
            }
            return;
        }
        if (!message.hasIid || message.choiceLength == 0)
        {
            measured.errors[ErrorCodes.MALFORMED]++;
            return;
        }
        measured.received[journey.ordinal()]++;
        if (journey.measuresQuestionLatency() && expectIntendedNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.question, expectIntendedNs, nowNs);
        }
        askedMask |= journey.bit();
        iidLength = message.iidLength;
        System.arraycopy(message.iid, 0, iid, 0, iidLength);
        choiceLength = message.choiceLength;
        System.arraycopy(message.choice, 0, choice, 0, choiceLength);
        phase = Phase.ANSWER;
    }

    private void onResponse(final long nowNs)
    {
        if (!awaitingResponse)
        {
            return;
        }
        awaitingResponse = false;
        if (answerIntendedNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.response, answerIntendedNs, nowNs);
        }
        if (phase == Phase.LEAVING)
        {
            tryLeave(nowNs);
        }
    }

    /** The server closed with {@code code}, or (code 0) the connection was lost or never made. */
    void onConnectionLost(final Channel from, final int code, final long nowNs)
    {
        if (from != channel)
        {
            return;
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
        if (phase == Phase.AWAIT_QUESTION)
        {
            disrupted = true;
        }
        awaitingResponse = false;
        if (agent.ended())
        {
            return;
        }
        if (agent.reconnects())
        {
            reconnecting = true;
            agent.reconnectLater(this, reconnectAttempt++);
        }
        else
        {
            dead = true;
            measured.acksLost += unacked.size();
            unacked.clear();
            if (phase == Phase.AWAIT_QUESTION)
            {
                measured.interrupted[journey.ordinal()]++;
                phase = Phase.STEPS;
            }
        }
    }

    /** The backoff after a lost connection has passed. */
    void reconnect(final long nowNs)
    {
        if (!agent.ended() && link == Link.DOWN)
        {
            connect(nowNs);
        }
    }

    // ---------------------------------------------------------------- leaving

    private void beginLeave(final long nowNs)
    {
        phase = Phase.LEAVING;
        leaveSinceNs = nowNs;
        tryLeave(nowNs);
    }

    private void tryLeave(final long nowNs)
    {
        if (unacked.size() == 0 && !awaitingResponse)
        {
            leave(nowNs);
        }
    }

    /** Closes the session's connection (the server closes TCP after the close frame) and opens a fresh session. */
    private void leave(final long nowNs)
    {
        final Channel old = channel;
        channel = null;
        link = Link.DOWN;
        unflushed = false;
        if (old != null)
        {
            agent.closeGently(old, agent.proxy().close(old.alloc(), CLOSE_NORMAL));
        }
        if (agent.ended())
        {
            return;
        }
        sidLength = 0;
        timedOut = null;
        seq = 0;
        ackedSeq = 0;
        askedMask = 0;
        reconnecting = false;
        startJourney(next);
        connect(nowNs);
    }

    // ---------------------------------------------------------------- the end of the run

    /** Whether something is still on its way: a question awaited, an ack, a response, a connection. */
    boolean pending(final long nowNs)
    {
        if (dead)
        {
            return false;
        }
        if (phase == Phase.AWAIT_QUESTION && nowNs >= expectDeadlineNs)
        {
            questionTimedOut();
            phase = Phase.LEAVING;
        }
        return phase == Phase.AWAIT_QUESTION || awaitingResponse ||
            (link == Link.READY && unacked.size() > 0) || link == Link.UPGRADING || link == Link.HELLO_SENT;
    }

    /** Counts what never came and closes the connection normally. */
    void finish()
    {
        if (phase == Phase.AWAIT_QUESTION)
        {
            questionTimedOut();
        }
        phase = Phase.LEAVING;
        if (!dead)
        {
            measured.acksLost += unacked.size();
            unacked.clear();
        }
        final Channel old = channel;
        channel = null;
        link = Link.DOWN;
        if (old != null && old.isActive())
        {
            agent.closeGently(old, agent.proxy().close(old.alloc(), CLOSE_NORMAL));
        }
    }

    boolean ready()
    {
        return link == Link.READY;
    }

    boolean dead()
    {
        return dead;
    }
}
