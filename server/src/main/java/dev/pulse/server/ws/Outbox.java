package dev.pulse.server.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import dev.pulse.detect.detector.Detector;
import dev.pulse.server.protocol.CloseCode;
import dev.pulse.server.protocol.ErrorCode;

/**
 * What handling one message (or one timer) produced for the connection to send: error frames, a
 * reply (welcome or response), a question to hold until it is journaled, whether to ack at once,
 * whether to close, and when the session next needs a timer. Filled by {@link SessionEvents},
 * written out by {@link ConnectionHandler}. One per event loop, cleared for each message.
 */
final class Outbox
{
    static final int MAX_ERRORS = 2;

    final ErrorCode[] errors = new ErrorCode[MAX_ERRORS];
    final boolean[] errorHasSeq = new boolean[MAX_ERRORS];
    final long[] errorSeq = new long[MAX_ERRORS];
    final String[] errorDetail = new String[MAX_ERRORS];
    int errorCount;
    TextWebSocketFrame reply;
    TextWebSocketFrame question;
    long questionPosition;
    /** Journal position just after the handled message's records; 0 if it made none. */
    long recordsPosition;
    boolean rejected;
    /** The held question was closed before it could be sent: drop it (its question_unseen record is taken). */
    boolean withdrawHeld;
    /** The question's id and catalog version, for its question_unseen record should it be withdrawn. */
    String questionId;
    int questionIid;
    long questionCatalogVersion;
    boolean ackNow;
    /** A duplicate arrived: the connection owes an ack even if its seq did not move. */
    boolean ackOwed;
    CloseCode close;
    long previousOwner;
    long nextDeadlineMs;

    void clear()
    {
        errorCount = 0;
        reply = null;
        question = null;
        questionPosition = 0;
        recordsPosition = 0;
        rejected = false;
        withdrawHeld = false;
        questionId = null;
        questionIid = 0;
        questionCatalogVersion = 0;
        ackNow = false;
        ackOwed = false;
        close = null;
        previousOwner = 0;
        nextDeadlineMs = Detector.NO_DEADLINE;
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
