package dev.pulse.loadtest;

/**
 * What a virtual user's session sends and is owed back: each message gets the session's next seq
 * and waits in an {@link AckRing} until the server acknowledges it (its ack latency runs from the
 * message's intended time); an answer also waits for its response. The answer's iid and choice are
 * copied from the question, so the answer can be sent, or sent again after a resume, without
 * keeping the question's message.
 *
 * <p>Not thread-safe: owned by its user's event loop.
 */
final class SessionSender
{
    private final LoopAgent agent;
    private final LoopMeasurements measured;
    private final UserConnection connection;
    private final AckRing unacked = new AckRing();
    private final byte[] iid = new byte[ServerMessage.MAX_ID_LENGTH];
    private final byte[] choice = new byte[ServerMessage.MAX_ID_LENGTH];
    private int iidLength;
    private int choiceLength;

    private long seq;
    private long ackedSeq;
    private boolean awaitingResponse;
    private long answerIntendedNs;

    SessionSender(final LoopAgent agent, final UserConnection connection)
    {
        this.agent = agent;
        this.measured = agent.measurements();
        this.connection = connection;
    }

    /** Sends {@code message} with the next seq; it was meant to go at {@code intendedNs}. */
    void send(final Step message, final long intendedNs)
    {
        seq++;
        connection.write(agent.proxy().message(connection.alloc(), message.template(), seq));
        unacked.add(seq, intendedNs, message.id());
    }

    /** Keeps the question's iid and first choice for the answer. */
    void holdAnswer(final ServerMessage question)
    {
        iidLength = question.iidLength;
        System.arraycopy(question.iid, 0, iid, 0, iidLength);
        choiceLength = question.choiceLength;
        System.arraycopy(question.choice, 0, choice, 0, choiceLength);
        connection.carry().questionHeld();
    }

    /** Sends the answer to the question held; its response latency runs from {@code intendedNs}. */
    void sendAnswer(final long intendedNs)
    {
        seq++;
        connection.write(agent.proxy().answer(connection.alloc(), iid, iidLength, choice, choiceLength, seq));
        unacked.add(seq, intendedNs, AckRing.ANSWER);
        connection.carry().answered(seq);
        awaitingResponse = true;
        answerIntendedNs = intendedNs;
    }

    /** The server acknowledged every message up to {@code ackSeq} (an ack beyond what was sent is ignored). */
    void onAck(final long ackSeq, final long nowNs)
    {
        if (ackSeq > ackedSeq && ackSeq <= seq)
        {
            ackedSeq = ackSeq;
            connection.carry().acked(ackSeq);
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
    }

    /** A response came; true if it was the one the answer waited for. */
    boolean onResponse(final long nowNs)
    {
        if (!awaitingResponse)
        {
            return false;
        }
        awaitingResponse = false;
        if (answerIntendedNs >= agent.measureStartNs())
        {
            LoopMeasurements.record(measured.response, answerIntendedNs, nowNs);
        }
        return true;
    }

    /**
     * After a resume (and its ack): every message still unacknowledged goes again, in order, with
     * its seq; an answer goes to the latest question, as a session answers one at a time.
     */
    void resendUnacked()
    {
        for (int age = 0; age < unacked.size(); age++)
        {
            final int kind = unacked.kindAt(age);
            final long resentSeq = unacked.seqAt(age);
            connection.write(kind == AckRing.ANSWER ?
                agent.proxy().answer(connection.alloc(), iid, iidLength, choice, choiceLength, resentSeq) :
                agent.proxy().message(connection.alloc(), Step.byId(kind).template(), resentSeq));
        }
    }

    /** Counts every unacknowledged message as lost and forgets them. */
    void dropUnacked()
    {
        measured.acksLost += unacked.size();
        unacked.clear();
    }

    /** The response can no longer come (the connection it would come on is gone). */
    void forgetResponse()
    {
        awaitingResponse = false;
    }

    /** A new session (or one the server lost) counts its seqs from 1 again. */
    void restartSeq()
    {
        seq = 0;
        ackedSeq = 0;
    }

    /** Nothing owed: every message acknowledged and no response awaited (the user may leave). */
    boolean settled()
    {
        return unacked.size() == 0 && !awaitingResponse;
    }

    boolean awaitingResponse()
    {
        return awaitingResponse;
    }

    boolean hasUnacked()
    {
        return unacked.size() > 0;
    }
}
