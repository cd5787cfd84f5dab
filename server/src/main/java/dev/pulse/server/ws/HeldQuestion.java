package dev.pulse.server.ws;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The one question of a connection held until the journal has forced its record (under
 * {@code fsync_policy: always}), so no question is shown whose record a crash could lose. A
 * question is only ever asked once the one before it is closed, and closing a held question
 * withdraws it first, so at most one is held.
 *
 * <p>While held, the question's iid, id and catalog version sit in the {@link ConnectionState}
 * ({@code heldIid} non-zero): the session's events read them to record a withdrawal, the
 * connection to record it unseen if it ends first. This class owns the frame (it releases what it
 * does not hand out) and those fields; it writes nothing. Not thread-safe: owned by the
 * connection's event loop.
 */
final class HeldQuestion
{
    private final ConnectionState connection;
    private TextWebSocketFrame question;
    private long position;
    private long sinceNanos;

    HeldQuestion(final ConnectionState connection)
    {
        this.connection = connection;
    }

    boolean isHeld()
    {
        return question != null;
    }

    /**
     * Holds {@code question} until the journal has written {@code position}; {@code sinceNanos} is
     * when its message arrived. The caller withdraws a question still held first.
     */
    void hold(final TextWebSocketFrame question, final long position, final long sinceNanos, final int iid,
        final String questionId, final long catalogVersion)
    {
        if (this.question != null)
        {
            throw new IllegalStateException("a question is already held");
        }
        connection.heldIid = iid;
        connection.heldQuestionId = questionId;
        connection.heldCatalogVersion = catalogVersion;
        this.question = question;
        this.position = position;
        this.sinceNanos = sinceNanos;
    }

    /** Whether a question is held and the journal, written to {@code writtenPosition}, has its record. */
    boolean isWritten(final long writtenPosition)
    {
        return question != null && writtenPosition >= position;
    }

    /**
     * Hands the held question out to be sent; the caller now owns it. It is no longer held
     * ({@code heldIid} is cleared), and {@link #heldSinceNanos} still tells when its message arrived.
     */
    TextWebSocketFrame takeToSend()
    {
        final TextWebSocketFrame taken = question;
        question = null;
        connection.heldIid = 0;
        return taken;
    }

    /** When the message that asked the question arrived (for its question-shown latency). */
    long heldSinceNanos()
    {
        return sinceNanos;
    }

    /**
     * The question was closed before its record was forced: it is never sent (its question_unseen
     * record goes with the message that closed it). True if a question was held.
     */
    boolean withdraw()
    {
        connection.heldIid = 0;
        return drop();
    }

    /**
     * Drops the held question unsent because the connection is ending, and leaves {@code heldIid}
     * for the caller's question_unseen record. True if a question was held.
     */
    boolean drop()
    {
        if (question == null)
        {
            return false;
        }
        question.release();
        question = null;
        return true;
    }
}
