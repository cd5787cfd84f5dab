package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * What a virtual user keeps so that another node of a cluster can take its session up, as pulse.js
 * does (docs/protocol.md, "Carrying a session to another node"): the latest {@code carry} the
 * server sent and the highest seq it saw acknowledged. A hello that resumes the session sends both;
 * without a carry (no {@code cluster_key_file} on the server, or a session not yet welcomed) the
 * hello is the plain one. A welcome that is not a resume starts a new session: what was kept goes.
 *
 * <p>Carries are rare (after a welcome and after a question, an answer or a dismiss), but the user
 * still allocates nothing per carry: the array that holds it is made at the user's first carry
 * (once, and only when the server sends carries) and reused for every later one.
 *
 * <p>Not thread-safe: owned by its user's event loop.
 */
final class UserCarry
{
    private final LoopMeasurements measured;
    /** Null until the first carry. */
    private byte[] carry;
    private int carryLength;
    /** The session's highest acknowledged seq; kept here too because the hello is the connection's to send. */
    private long ackedSeq;
    /** Hellos sent so far, and the number of the latest that presented a carry (0: none in this session). */
    private int hellos;
    private int carriedHello;
    /** The hello the question now held came after (its number), and the same for the latest answer. */
    private int questionHello;
    private int answerQuestionHello;
    /** The seq of the session's latest answer not yet excused (0: none). */
    private long answerSeq;

    UserCarry(final LoopMeasurements measured)
    {
        this.measured = measured;
    }

    /** A {@code carry} message: the carry it holds replaces the one kept (one that could not be read counts as malformed). */
    void keep(final ServerMessage message)
    {
        if (message.carryLength == 0)
        {
            measured.errors[ErrorCodes.MALFORMED]++;
            return;
        }
        if (carry == null)
        {
            carry = new byte[ServerMessage.MAX_CARRY_LENGTH];
        }
        System.arraycopy(message.carry, 0, carry, 0, message.carryLength);
        carryLength = message.carryLength;
        measured.carriesReceived++;
    }

    /** The server acknowledged every message up to {@code seq}. */
    void acked(final long seq)
    {
        if (seq > ackedSeq)
        {
            ackedSeq = seq;
        }
    }

    /** The session holds a question to answer, received on the current connection. */
    void questionHeld()
    {
        questionHello = hellos;
    }

    /** The session sent an answer (to the question held) with {@code seq}. */
    void answered(final long seq)
    {
        answerSeq = seq;
        answerQuestionHello = questionHello;
    }

    /** The welcome started a new session: neither the old carry nor its acks belong to it. */
    void onWelcome(final boolean resumed)
    {
        if (!resumed)
        {
            carryLength = 0;
            ackedSeq = 0;
            answerSeq = 0;
            carriedHello = 0;
        }
    }

    /**
     * Whether {@code error} is the expected refusal of an orphaned answer: the answer to a question
     * received before the latest hello with a carry, either resent after it (the old node never
     * acknowledged it) or sent after it. A node that took the session up from the carry never showed
     * that question (it was the lost node's), so it answers {@code unknown_intervention} for that
     * seq. Counted apart, once, not as a server error; pulse.js ignores it the same way.
     */
    boolean excuses(final ServerMessage error)
    {
        if (error.errorCode != ErrorCodes.UNKNOWN_INTERVENTION || !error.hasSeq || answerSeq == 0 || error.seq != answerSeq ||
            answerQuestionHello >= carriedHello)
        {
            return false;
        }
        answerSeq = 0;
        measured.orphanedAnswers++;
        return true;
    }

    /** The hello for the session {@code sid} (none: a new session), with the carry and acked seq when there is a carry. */
    ByteBuf hello(final ClientFrameProxy proxy, final ByteBufAllocator alloc, final byte[] sid, final int sidLength)
    {
        hellos++;
        if (sidLength == 0 || carryLength == 0)
        {
            return proxy.hello(alloc, sid, sidLength);
        }
        carriedHello = hellos;
        measured.hellosWithCarry++;
        return proxy.hello(alloc, sid, sidLength, carry, carryLength, ackedSeq);
    }
}
