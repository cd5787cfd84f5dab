package dev.pulse.journal;

import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The records of one client message, taken all or none. Between {@link #begin} and {@link #end}
 * a committed record is only held: its claim stays unpublished until the message ends, and then
 * every record of the message is published, or, if any of them could not be claimed, every one is
 * aborted (turned into padding the journal thread skips). So the caller knows whether the message
 * was recorded before it lets the message change anything.
 *
 * <p>Not thread-safe: owned by one {@link JournalRecordEncoder}.
 */
final class JournalMessage
{
    /** More records than any one message makes: one raw event, every signal, a question, an answer and response, every window. */
    static final int MAX_RECORDS_PER_MESSAGE = 64;
    private static final int RETRACTED = -1;

    private final RingBuffer ring;
    private final int[] heldClaims = new int[MAX_RECORDS_PER_MESSAGE];
    private int heldCount;
    private boolean open;
    private boolean failed;
    private int lastRecords;
    private long seq;

    JournalMessage(final RingBuffer ring)
    {
        this.ring = ring;
    }

    /** Starts a message whose records carry {@code seq} (0: none, such as a hello or a timer); one still open is given up. */
    void begin(final long seq)
    {
        if (open)
        {
            abort();
        }
        open = true;
        failed = false;
        heldCount = 0;
        lastRecords = 0;
        this.seq = seq;
    }

    /** The seq the next record carries: the open message's, else 0. */
    long seq()
    {
        return seq;
    }

    /** Whether another record may be claimed: not inside a message that already failed or holds its most records. */
    boolean canHold()
    {
        if (open && (failed || heldCount == MAX_RECORDS_PER_MESSAGE))
        {
            failed = true;
            return false;
        }
        return true;
    }

    /** A record could not be claimed: inside a message, the whole message fails. */
    void failed()
    {
        failed = open;
    }

    /** Holds the claim at {@code index} if a message is open; false if none is (the caller publishes it at once). */
    boolean hold(final int index)
    {
        if (!open)
        {
            return false;
        }
        heldClaims[heldCount++] = index;
        return true;
    }

    /**
     * Ends the message: publishes every record it held and returns how many (0 also when no message
     * was open), or, if any record of it could not be claimed, aborts them all and returns -1.
     */
    int end()
    {
        if (!open)
        {
            return 0;
        }
        if (failed)
        {
            abort();
            return -1;
        }
        open = false;
        seq = 0;
        for (int i = 0; i < heldCount; i++)
        {
            if (heldClaims[i] != RETRACTED)
            {
                ring.commit(heldClaims[i]);
            }
        }
        lastRecords = heldCount;
        heldCount = 0;
        return lastRecords;
    }

    /** Inside a message: the number of records held so far, to name the next one for {@link #retract}. */
    int mark()
    {
        return heldCount;
    }

    /** Inside a message: takes back the record held at {@code mark} (it becomes padding); a later one keeps its place. */
    void retract(final int mark)
    {
        if (open && mark < heldCount && heldClaims[mark] != RETRACTED)
        {
            ring.abort(heldClaims[mark]);
            heldClaims[mark] = RETRACTED;
        }
    }

    /** Records the last message that ended published (0 if it made none). */
    int lastRecords()
    {
        return lastRecords;
    }

    /** Gives up the message: every record it held becomes padding. Safe to call when no message is open. */
    void abort()
    {
        for (int i = 0; i < heldCount; i++)
        {
            if (heldClaims[i] != RETRACTED)
            {
                ring.abort(heldClaims[i]);
            }
        }
        heldCount = 0;
        open = false;
        failed = false;
        seq = 0;
    }
}
