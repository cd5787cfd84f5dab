package dev.pulse.server.journal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import dev.pulse.server.metrics.Metrics;

import static dev.pulse.server.journal.JournalRecordFlyweight.BYTE_ORDER;
import static dev.pulse.server.journal.JournalRecordFlyweight.HEADER_LENGTH;
import static dev.pulse.server.journal.JournalRecordFlyweight.MAX_STRING_BYTES;
import static dev.pulse.server.journal.JournalRecordFlyweight.STRING_LENGTH_PREFIX;

/**
 * How a {@link JournalProxy} puts one record into the ring buffer: {@link #begin} claims the
 * measured length and writes the fixed fields, {@link #putString} appends strings at a cursor,
 * {@link #commit} publishes. Writes go straight into the ring's memory in the
 * {@link JournalRecordFlyweight} layout; nothing is allocated.
 *
 * <p>Inside a message ({@link #beginMessage} .. {@link #endMessage}) a committed record is only
 * held: its claim stays unpublished until the message ends, and then every record of the message is
 * published, or, if any of them could not be claimed, every one is aborted (turned into padding the
 * journal thread skips). So a message's records are taken all or none, and the caller knows which
 * before it lets the message change anything.
 *
 * <p>Not thread-safe: owned by its proxy.
 */
final class JournalRecordEncoder
{
    private static final int MAX_PAYLOAD_LENGTH = JournalFrameDescriptor.MAX_FRAME_LENGTH - JournalFrameDescriptor.OVERHEAD;
    private static final int MAX_STRINGS = 0xFFFF;
    private static final int HEX_DIGITS = 16;
    /** More records than any one message makes: one raw event, every signal, a question, an answer and response, every window. */
    static final int MAX_RECORDS_PER_MESSAGE = 64;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final Metrics metrics;
    private final AtomicBoolean closed;
    private final int maxRecordLength;
    private int index;
    private int cursor;
    private int end;
    private long lastPosition;
    private final int[] heldClaims = new int[MAX_RECORDS_PER_MESSAGE];
    private int heldCount;
    private boolean inMessage;
    private boolean messageFailed;
    private int lastMessageRecords;
    private long messageSeq;
    private static final int RETRACTED = -1;

    JournalRecordEncoder(final RingBuffer ring, final Metrics metrics, final AtomicBoolean closed)
    {
        this.ring = ring;
        this.buffer = ring.buffer();
        this.metrics = metrics;
        this.closed = closed;
        this.maxRecordLength = Math.min(ring.maxMsgLength(), MAX_PAYLOAD_LENGTH);
    }

    /** Bytes a string takes in a record: its length prefix and UTF-8 bytes, capped. Null counts as "". */
    static int sizeOf(final CharSequence text)
    {
        return STRING_LENGTH_PREFIX + (text == null ? 0 : Utf8.encodedLength(text, MAX_STRING_BYTES));
    }

    /** Bytes a 16-digit hex string takes. */
    static int sizeOfHex()
    {
        return STRING_LENGTH_PREFIX + HEX_DIGITS;
    }

    /**
     * Claims {@code length} bytes and writes the fixed fields; false (and a dropped record counted)
     * if the journal is closed, the ring full, or the record too long for it.
     */
    boolean begin(final JournalRecordType type, final int length, final int strings, final long timeMs, final long sidHi,
        final long sidLo, final long catalogVersion, final long value, final int iid, final int code)
    {
        if (inMessage && (messageFailed || heldCount == MAX_RECORDS_PER_MESSAGE))
        {
            messageFailed = true;
            return false;
        }
        final int claimed = length + (messageSeq > 0 ? JournalRecordFlyweight.SEQ_TRAILER_LENGTH : 0);
        if (closed.get() || claimed > maxRecordLength || strings > MAX_STRINGS || (index = ring.tryClaim(type.code(), claimed)) < 0)
        {
            metrics.journalDropped();
            messageFailed = inMessage;
            return false;
        }
        end = index + length;
        if (messageSeq > 0)
        {
            buffer.putLong(end, messageSeq, BYTE_ORDER);
        }
        buffer.putLong(index + JournalRecordFlyweight.TIMESTAMP_MS_OFFSET, timeMs, BYTE_ORDER);
        buffer.putLong(index + JournalRecordFlyweight.SID_HI_OFFSET, sidHi, BYTE_ORDER);
        buffer.putLong(index + JournalRecordFlyweight.SID_LO_OFFSET, sidLo, BYTE_ORDER);
        buffer.putLong(index + JournalRecordFlyweight.CATALOG_VERSION_OFFSET, catalogVersion, BYTE_ORDER);
        buffer.putLong(index + JournalRecordFlyweight.VALUE_OFFSET, value, BYTE_ORDER);
        buffer.putInt(index + JournalRecordFlyweight.IID_OFFSET, iid, BYTE_ORDER);
        buffer.putShort(index + JournalRecordFlyweight.CODE_OFFSET, (short)code, BYTE_ORDER);
        buffer.putShort(index + JournalRecordFlyweight.STRING_COUNT_OFFSET, (short)strings, BYTE_ORDER);
        cursor = index + HEADER_LENGTH;
        return true;
    }

    /**
     * Appends a string. The encode is bounded by the claimed record too, so a CharSequence that
     * changed since it was measured cannot overrun it. A CharSequence that throws must not leave
     * the claim uncommitted (the journal thread would wait at it forever): the claim is aborted,
     * which turns it into padding.
     */
    void putString(final CharSequence text)
    {
        final int budget = Math.min(MAX_STRING_BYTES, end - cursor - STRING_LENGTH_PREFIX);
        final int bytes;
        try
        {
            bytes = text == null ? 0 : Utf8.encode(text, buffer, cursor + STRING_LENGTH_PREFIX, budget);
        }
        catch (final RuntimeException ex)
        {
            ring.abort(index);
            abortMessage();
            throw ex;
        }
        buffer.putShort(cursor, (short)bytes, BYTE_ORDER);
        cursor += STRING_LENGTH_PREFIX + bytes;
    }

    /** Appends {@code value} as 16 lower-case hex digits. */
    void putHex(final long value)
    {
        buffer.putShort(cursor, (short)HEX_DIGITS, BYTE_ORDER);
        for (int i = 0; i < HEX_DIGITS; i++)
        {
            buffer.putByte(cursor + STRING_LENGTH_PREFIX + i, HEX[(int)(value >>> (60 - 4 * i)) & 0xF]);
        }
        cursor += STRING_LENGTH_PREFIX + HEX_DIGITS;
    }

    /**
     * Publishes the record to the journal thread, or inside a message holds it until the message
     * ends; always true, so a proxy method can return it.
     */
    boolean commit()
    {
        if (inMessage)
        {
            heldClaims[heldCount++] = index;
            return true;
        }
        ring.commit(index);
        lastPosition = ring.producerPosition();
        return true;
    }

    /**
     * Starts a message: records are held until {@link #endMessage} publishes or aborts them together,
     * and each carries {@code seq} (the client message's; 0 for none, such as a hello or a timer).
     */
    void beginMessage(final long seq)
    {
        if (inMessage)
        {
            abortMessage();
        }
        inMessage = true;
        messageFailed = false;
        heldCount = 0;
        lastMessageRecords = 0;
        messageSeq = seq;
    }

    /**
     * Ends the message: publishes every record it held and returns true, or, if any record of it
     * could not be claimed, aborts them all and returns false (nothing of the message is journaled).
     */
    boolean endMessage()
    {
        if (!inMessage)
        {
            return true;
        }
        if (messageFailed)
        {
            abortMessage();
            return false;
        }
        inMessage = false;
        messageSeq = 0;
        for (int i = 0; i < heldCount; i++)
        {
            if (heldClaims[i] != RETRACTED)
            {
                ring.commit(heldClaims[i]);
            }
        }
        if (heldCount > 0)
        {
            lastPosition = ring.producerPosition();
        }
        lastMessageRecords = heldCount;
        heldCount = 0;
        return true;
    }

    /** Inside a message: the number of records held so far, to name the next one for {@link #retract}. */
    int heldMark()
    {
        return heldCount;
    }

    /** Inside a message: takes back the record held at {@code mark} (it becomes padding); a later one keeps its place. */
    void retract(final int mark)
    {
        if (inMessage && mark < heldCount && heldClaims[mark] != RETRACTED)
        {
            ring.abort(heldClaims[mark]);
            heldClaims[mark] = RETRACTED;
        }
    }

    /** Records the last message that ended published (0 if it made none). */
    int lastMessageRecords()
    {
        return lastMessageRecords;
    }

    /** Gives up the message: every record it held becomes padding. Safe to call when no message is open. */
    void abortMessage()
    {
        for (int i = 0; i < heldCount; i++)
        {
            if (heldClaims[i] != RETRACTED)
            {
                ring.abort(heldClaims[i]);
            }
        }
        heldCount = 0;
        inMessage = false;
        messageFailed = false;
        messageSeq = 0;
    }

    long lastPosition()
    {
        return lastPosition;
    }
}
