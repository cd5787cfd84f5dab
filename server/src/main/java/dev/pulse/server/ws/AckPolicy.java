package dev.pulse.server.ws;

/**
 * When one connection acks, and what: pure bookkeeping, no I/O. Acks are coalesced per read batch
 * (at once after an answer, or at {@link #ACK_AT_UNACKED} unacknowledged messages), and an ack is
 * only written once the journal has written the records of every message it covers (forced,
 * under {@code fsync_policy: always}). One ack waits for the journal at a time; what is handled
 * meanwhile gets the next one.
 *
 * <p>The connection asks {@link #isDue}, then {@link #take} with the journal's written position:
 * a seq to write at once, {@link #WAIT} (hold the connection until the journal passes the
 * position; then {@link #released} gives the seq), or {@link #NONE}. Every seq written is passed
 * back to {@link #acked}. Not thread-safe: owned by the connection's event loop.
 */
final class AckPolicy
{
    /** Unacknowledged messages that make an ack due without waiting for the end of the read batch. */
    static final int ACK_AT_UNACKED = 64;
    /** Nothing to write. */
    static final long NONE = -1;
    /** The ack waits for the journal. */
    static final long WAIT = -2;

    private long ackedSeq;
    private int unacked;
    /** A duplicate arrived since the last ack: an ack is owed even if the seq did not move. */
    private boolean ackOwed;
    /** Journal position that covers the records of every message handled on this connection so far. */
    private long handledPosition;
    /** The ack waiting for the journal to reach {@link #waitPosition}; 0 if none waits. */
    private long waitSeq;
    private long waitPosition;

    /**
     * The hello was handled. The welcome's seq is not an ack, so {@code lastSeq} counts as acked;
     * {@code handledPosition} is what the first ack must wait for.
     */
    void helloed(final long lastSeq, final long handledPosition)
    {
        this.ackedSeq = lastSeq;
        this.handledPosition = handledPosition;
    }

    /**
     * A message was handled: its records end at {@code recordsPosition} (0 if it made none).
     * True when an ack is due now rather than at the end of the read batch.
     */
    boolean handled(final long recordsPosition, final boolean owed, final boolean ackNow)
    {
        handledPosition = Math.max(handledPosition, recordsPosition);
        ackOwed |= owed;
        return ackNow || ++unacked >= ACK_AT_UNACKED;
    }

    /** Whether there is something to ack and no ack already waits for the journal. */
    boolean isDue(final long lastSeq)
    {
        return waitSeq == 0 && (lastSeq > ackedSeq || ackOwed);
    }

    /**
     * Starts the ack of everything handled up to {@code lastSeq} (call when {@link #isDue}): the seq to
     * write now if the journal has written to {@code writtenPosition} all it covers, else {@link #WAIT}.
     */
    long take(final long lastSeq, final long writtenPosition)
    {
        unacked = 0;
        ackOwed = false;
        if (writtenPosition >= handledPosition)
        {
            return lastSeq;
        }
        waitSeq = Math.max(1, lastSeq);
        waitPosition = handledPosition;
        return WAIT;
    }

    /** The journal has written up to {@code writtenPosition}: the waiting ack's seq if it may go now, else {@link #NONE}. */
    long released(final long writtenPosition)
    {
        if (waitSeq == 0 || writtenPosition < waitPosition)
        {
            return NONE;
        }
        final long seq = waitSeq;
        waitSeq = 0;
        return seq;
    }

    /** Whether an ack waits for the journal. */
    boolean isWaiting()
    {
        return waitSeq != 0;
    }

    /** An ack of {@code seq} was written; returns the highest seq acked. */
    long acked(final long seq)
    {
        ackedSeq = Math.max(ackedSeq, seq);
        return ackedSeq;
    }
}
