package dev.pulse.journal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;


import static dev.pulse.journal.JournalRecordFlyweight.BYTE_ORDER;
import static dev.pulse.journal.JournalRecordFlyweight.HEADER_LENGTH;
import static dev.pulse.journal.JournalRecordFlyweight.MAX_STRING_BYTES;
import static dev.pulse.journal.JournalRecordFlyweight.SEQ_TRAILER_LENGTH;
import static dev.pulse.journal.JournalRecordFlyweight.STRING_LENGTH_PREFIX;

/**
 * The one way a record is written: a reused fluent encoder,
 * {@code record(type).timeMs(t).sid(hi, lo).catalogVersion(v).iid(i).code(c).string(a).string(b).commit()}.
 * Fields not set are 0; strings are appended in order ({@link JournalRecordType} says which per type).
 *
 * <p>The record is built in a scratch buffer in the {@link JournalRecordFlyweight} layout, each
 * string measured and encoded in one pass; {@link #commit} then claims exactly its length in the
 * ring buffer and copies it in. (Agrona's ring cannot commit less than it claimed, so a record is
 * either measured before its claim or, as here, copied after it is complete.) Nothing is allocated
 * once the scratch buffer has grown to the longest record seen.
 *
 * <p>Inside a {@link JournalMessage} a committed record is only held, and published or aborted with
 * the rest of the message; every record made inside a message carries the message's seq after its
 * strings.
 *
 * <p>Not thread-safe: one per producer thread, owned by its {@link JournalProxy}.
 */
public final class JournalRecordEncoder
{
    private static final int MAX_PAYLOAD_LENGTH = JournalFrameDescriptor.MAX_FRAME_LENGTH - JournalFrameDescriptor.OVERHEAD;
    private static final int MAX_STRINGS = 0xFFFF;
    private static final int HEX_DIGITS = 16;
    private static final int INITIAL_SCRATCH_BYTES = 4096;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final JournalMetrics metrics;
    private final AtomicBoolean closed;
    /** Null when search text is journaled in clear. */
    private final SearchTextHasher searchTextHasher;
    private final int maxRecordLength;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(INITIAL_SCRATCH_BYTES);
    private JournalRecordType type;
    private int cursor;
    private int strings;
    /** The record outgrew the longest the ring takes: it is dropped at commit, and strings stop being written. */
    private boolean tooLong;
    private final JournalMessage message;
    private long lastPosition;

    JournalRecordEncoder(final RingBuffer ring, final JournalMetrics metrics, final AtomicBoolean closed, final SearchTextHasher searchTextHasher)
    {
        this.ring = ring;
        this.buffer = ring.buffer();
        this.metrics = metrics;
        this.closed = closed;
        this.searchTextHasher = searchTextHasher;
        this.maxRecordLength = Math.min(ring.maxMsgLength(), MAX_PAYLOAD_LENGTH);
        this.message = new JournalMessage(ring);
    }

    /** Bytes a string takes in a record: its length prefix and UTF-8 bytes, capped. Null counts as "". For sizing tests and benchmarks. */
    static int sizeOf(final CharSequence text)
    {
        return STRING_LENGTH_PREFIX + (text == null ? 0 : Utf8.encodedLength(text, MAX_STRING_BYTES));
    }

    /** Starts a record of {@code type}, every field 0 and no strings; a record started and not committed is simply forgotten. */
    public JournalRecordEncoder record(final JournalRecordType type)
    {
        this.type = type;
        scratch.setMemory(0, HEADER_LENGTH, (byte)0);
        cursor = HEADER_LENGTH;
        strings = 0;
        tooLong = false;
        return this;
    }

    public JournalRecordEncoder timeMs(final long timeMs)
    {
        scratch.putLong(JournalRecordFlyweight.TIMESTAMP_MS_OFFSET, timeMs, BYTE_ORDER);
        return this;
    }

    public JournalRecordEncoder sid(final long sidHi, final long sidLo)
    {
        scratch.putLong(JournalRecordFlyweight.SID_HI_OFFSET, sidHi, BYTE_ORDER);
        scratch.putLong(JournalRecordFlyweight.SID_LO_OFFSET, sidLo, BYTE_ORDER);
        return this;
    }

    public JournalRecordEncoder catalogVersion(final long catalogVersion)
    {
        scratch.putLong(JournalRecordFlyweight.CATALOG_VERSION_OFFSET, catalogVersion, BYTE_ORDER);
        return this;
    }

    /** The type's 8-byte number (a duration, a seq, an error count...). */
    public JournalRecordEncoder value(final long value)
    {
        scratch.putLong(JournalRecordFlyweight.VALUE_OFFSET, value, BYTE_ORDER);
        return this;
    }

    public JournalRecordEncoder iid(final int iid)
    {
        scratch.putInt(JournalRecordFlyweight.IID_OFFSET, iid, BYTE_ORDER);
        return this;
    }

    /** The type's small code (a verdict, an outcome kind, a flag...), written as 2 bytes. */
    public JournalRecordEncoder code(final int code)
    {
        scratch.putShort(JournalRecordFlyweight.CODE_OFFSET, (short)code, BYTE_ORDER);
        return this;
    }

    /**
     * Appends a string: its UTF-8 bytes, capped at 1024 on a code point boundary; null is written as
     * "". A CharSequence that throws gives up the record and, inside a message, the whole message
     * (nothing of it was claimed yet, so nothing is left for the journal thread to wait at).
     */
    public JournalRecordEncoder string(final CharSequence text)
    {
        strings++;
        if (cursor > maxRecordLength)
        {
            tooLong = true;
            return this;
        }
        final int bytes;
        try
        {
            scratch.checkLimit(cursor + STRING_LENGTH_PREFIX + MAX_STRING_BYTES);
            bytes = text == null ? 0 : Utf8.encode(text, scratch, cursor + STRING_LENGTH_PREFIX, MAX_STRING_BYTES);
        }
        catch (final RuntimeException ex)
        {
            message.abort();
            throw ex;
        }
        scratch.putShort(cursor, (short)bytes, BYTE_ORDER);
        cursor += STRING_LENGTH_PREFIX + bytes;
        return this;
    }

    /** Appends search text as {@link #string}: in clear, or as its length and keyed hash unless the journal keeps it in clear. */
    public JournalRecordEncoder searchText(final CharSequence query)
    {
        return string(query == null || searchTextHasher == null ? query : searchTextHasher.hide(query));
    }

    /** Appends {@code value} as a string of 16 lower-case hex digits. */
    public JournalRecordEncoder hex(final long value)
    {
        strings++;
        scratch.checkLimit(cursor + STRING_LENGTH_PREFIX + HEX_DIGITS);
        scratch.putShort(cursor, (short)HEX_DIGITS, BYTE_ORDER);
        for (int i = 0; i < HEX_DIGITS; i++)
        {
            scratch.putByte(cursor + STRING_LENGTH_PREFIX + i, HEX[(int)(value >>> (60 - 4 * i)) & 0xF]);
        }
        cursor += STRING_LENGTH_PREFIX + HEX_DIGITS;
        return this;
    }

    /**
     * Claims the record's exact length, copies it in and publishes it to the journal thread, or
     * inside a message holds it until the message ends. False (and a dropped record counted) if the
     * journal is closed, the ring full, or the record too long for it; inside a message that already
     * failed, false without a claim.
     */
    public boolean commit()
    {
        if (!message.canHold())
        {
            return false;
        }
        final long seq = message.seq();
        final int length = cursor + (seq > 0 ? SEQ_TRAILER_LENGTH : 0);
        final int index;
        if (closed.get() || tooLong || length > maxRecordLength || strings > MAX_STRINGS || (index = ring.tryClaim(type.code(), length)) < 0)
        {
            metrics.journalDropped();
            message.failed();
            return false;
        }
        scratch.putShort(JournalRecordFlyweight.STRING_COUNT_OFFSET, (short)strings, BYTE_ORDER);
        buffer.putBytes(index, scratch, 0, cursor);
        if (seq > 0)
        {
            buffer.putLong(index + cursor, seq, BYTE_ORDER);
        }
        if (!message.hold(index))
        {
            ring.commit(index);
            lastPosition = ring.producerPosition();
        }
        return true;
    }

    /** The message this encoder's records are held in while one is open. */
    JournalMessage message()
    {
        return message;
    }

    /** Notes the ring position after a message's records were published. */
    void published()
    {
        lastPosition = ring.producerPosition();
    }

    long lastPosition()
    {
        return lastPosition;
    }
}
