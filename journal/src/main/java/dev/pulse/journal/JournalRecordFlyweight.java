package dev.pulse.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * A read-only view over one journal record payload: what producers write into the ring buffer and
 * what {@link JournalReader} hands out. Little-endian. The record type is not in the payload: it
 * travels as the ring buffer's msgTypeId and as the segment frame's type, and is given to
 * {@link #wrap}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                       timestampMs (8)                         |  0
 *  |                          sidHi (8)                            |  8
 *  |                          sidLo (8)                            | 16
 *  |                      catalogVersion (8)                       | 24
 *  |                          value (8)                            | 32
 *  |                           iid (4)                             | 40
 *  |           code (2)            |        stringCount (2)        | 44
 *  +-------------------------------+-------------------------------+
 *  |       length (2, u16)         |   UTF-8 bytes ...             | 48  string 0
 *  |       length (2, u16)         |   UTF-8 bytes ...             |     string 1 ...
 *  +---------------------------------------------------------------+
 *  |                  seq (8, optional trailer)                    |     after the last string
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * A record made while handling a client message ends with that message's {@code seq}: 8 bytes
 * after the last string (older records, and records of no message, end with their last string;
 * readers that do not know the trailer skip it). Recovery after a crash uses it to tell which
 * messages of a session have records.
 *
 * What {@code code}, {@code value} and the strings mean depends on the {@link JournalRecordType}.
 * Producers cap each string at {@link #MAX_STRING_BYTES}, cut on a code point boundary.
 *
 * <p>Not thread-safe; the view is valid until its buffer is reused (the reader's next record).
 */
public final class JournalRecordFlyweight
{
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    public static final int TIMESTAMP_MS_OFFSET = 0;
    public static final int SID_HI_OFFSET = 8;
    public static final int SID_LO_OFFSET = 16;
    public static final int CATALOG_VERSION_OFFSET = 24;
    public static final int VALUE_OFFSET = 32;
    public static final int IID_OFFSET = 40;
    public static final int CODE_OFFSET = 44;
    public static final int STRING_COUNT_OFFSET = 46;
    public static final int STRINGS_OFFSET = 48;
    /** Length of the fixed part; a record is at least this long. */
    public static final int HEADER_LENGTH = STRINGS_OFFSET;
    public static final int STRING_LENGTH_PREFIX = 2;
    public static final int MAX_STRING_BYTES = 1024;
    public static final int SEQ_TRAILER_LENGTH = 8;

    private DirectBuffer buffer;
    private int offset;
    private int length;
    private JournalRecordType type;

    /** Points this view at a record of {@code length} bytes at {@code offset}. */
    public JournalRecordFlyweight wrap(final DirectBuffer buffer, final int offset, final int length, final JournalRecordType type)
    {
        if (length < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("a journal record is at least " + HEADER_LENGTH + " bytes: " + length);
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.type = type;
        return this;
    }

    public JournalRecordType type()
    {
        return type;
    }

    /** Bytes in the record, header and strings. */
    public int length()
    {
        return length;
    }

    public long timestampMs()
    {
        return buffer.getLong(offset + TIMESTAMP_MS_OFFSET, BYTE_ORDER);
    }

    public long sidHi()
    {
        return buffer.getLong(offset + SID_HI_OFFSET, BYTE_ORDER);
    }

    public long sidLo()
    {
        return buffer.getLong(offset + SID_LO_OFFSET, BYTE_ORDER);
    }

    public long catalogVersion()
    {
        return buffer.getLong(offset + CATALOG_VERSION_OFFSET, BYTE_ORDER);
    }

    public long value()
    {
        return buffer.getLong(offset + VALUE_OFFSET, BYTE_ORDER);
    }

    public int iid()
    {
        return buffer.getInt(offset + IID_OFFSET, BYTE_ORDER);
    }

    public int code()
    {
        return buffer.getShort(offset + CODE_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    public int stringCount()
    {
        return buffer.getShort(offset + STRING_COUNT_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /** The seq of the client message this record was made for; 0 if none (no trailer). Walks the strings. */
    public long seq()
    {
        int position = offset + STRINGS_OFFSET;
        final int end = offset + length;
        for (int i = 0, count = stringCount(); i < count && position + STRING_LENGTH_PREFIX <= end; i++)
        {
            position += STRING_LENGTH_PREFIX + (buffer.getShort(position, BYTE_ORDER) & 0xFFFF);
        }
        return end - position == SEQ_TRAILER_LENGTH ? buffer.getLong(position, BYTE_ORDER) : 0;
    }

    /** The i-th string, decoded: allocates, so cold paths only (readers, printers, tests). */
    public String string(final int index)
    {
        if (index < 0 || index >= stringCount())
        {
            throw new IndexOutOfBoundsException("string " + index + " of " + stringCount());
        }
        int position = offset + STRINGS_OFFSET;
        final int end = offset + length;
        for (int i = 0; ; i++)
        {
            if (position + STRING_LENGTH_PREFIX > end)
            {
                throw new IllegalStateException("malformed " + type + " record: string " + i + " starts past its end");
            }
            final int bytes = buffer.getShort(position, BYTE_ORDER) & 0xFFFF;
            position += STRING_LENGTH_PREFIX;
            if (position + bytes > end)
            {
                throw new IllegalStateException("malformed " + type + " record: string " + i + " runs past its end");
            }
            if (i == index)
            {
                return buffer.getStringWithoutLengthUtf8(position, bytes);
            }
            position += bytes;
        }
    }

    /** The string the type names {@code fieldName} (see {@link JournalRecordType#stringFields()}), or null if absent. */
    public String string(final String fieldName)
    {
        final int index = type.stringFields().indexOf(fieldName);
        return index >= 0 && index < stringCount() ? string(index) : null;
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder(256);
        JournalPrinter.appendJson(this, out);
        return out.toString();
    }
}
