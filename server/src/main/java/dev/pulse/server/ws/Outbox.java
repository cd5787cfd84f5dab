package dev.pulse.server.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.detect.detector.Detector;
import dev.pulse.server.carry.CarryCodec;
import dev.pulse.server.decide.Effects;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

/**
 * What handling one message (or one timer) produced for the connection to send. The
 * {@link dev.pulse.server.decide.SessionMachine SessionMachine} writes its effects (a question, a
 * response, a refusal) straight into it, as the {@link Effects} it was given; {@link SessionEvents}
 * and {@link SessionHello} add what the protocol produced around the machine: error frames, the
 * welcome, whether to ack at once, whether to close, and when the session next needs a timer.
 * {@link ConnectionHandler} encodes and writes it. One per event loop, cleared for each message.
 */
final class Outbox extends Effects
{
    static final int MAX_ERRORS = 2;

    final ErrorCode[] errors = new ErrorCode[MAX_ERRORS];
    final boolean[] errorHasSeq = new boolean[MAX_ERRORS];
    final long[] errorSeq = new long[MAX_ERRORS];
    final String[] errorDetail = new String[MAX_ERRORS];
    int errorCount;
    /** The seq of the message handled (0 for a hello or a timer): a refusal of it names it. */
    long seq;
    TextWebSocketFrame welcome;
    /** Journal position just after the handled message's records (a question's among them); 0 if it made none. */
    long recordsPosition;
    boolean rejected;
    /** The held question was closed before it could be sent: drop it (its question_unseen record is taken). */
    boolean withdrawHeld;
    boolean ackNow;
    /** A duplicate arrived: the connection owes an ack even if its seq did not move. */
    boolean ackOwed;
    CloseCode close;
    long previousOwner;
    long nextDeadlineMs;
    /** A carry of the session to send after the other frames, as ASCII: its first {@link #carryLength} bytes (0: none). */
    final byte[] carry = new byte[CarryCodec.MAX_TEXT];
    int carryLength;

    void clear()
    {
        clearEffects();
        errorCount = 0;
        seq = 0;
        welcome = null;
        recordsPosition = 0;
        rejected = false;
        withdrawHeld = false;
        ackNow = false;
        ackOwed = false;
        close = null;
        previousOwner = 0;
        nextDeadlineMs = Detector.NO_DEADLINE;
        carryLength = 0;
    }

    /** The machine's effects belong to a change that was not committed: none of them happened. */
    void forgetEffects()
    {
        clearEffects();
    }

    /** Whether the message counts as rejected: refused by the protocol or by the machine. */
    boolean isRejected()
    {
        return rejected || refusal() != null;
    }

    /** The journal could not take the message's records: tell the client to come back later, then close 1013. */
    void overloaded(final boolean hasSeq, final long seq)
    {
        error(ErrorCode.OVERLOADED, hasSeq, seq, "the server cannot record this message now: reconnect and resend it later");
        close = CloseCode.TRY_AGAIN_LATER;
    }

    void error(final ErrorCode code, final boolean hasSeq, final long seq, final String detail)
    {
        if (errorCount < MAX_ERRORS)
        {
            errors[errorCount] = code;
            errorHasSeq[errorCount] = hasSeq;
            errorSeq[errorCount] = seq;
            errorDetail[errorCount] = detail;
            errorCount++;
        }
    }
}
