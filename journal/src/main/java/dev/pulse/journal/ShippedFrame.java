package dev.pulse.journal;

import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.pulse.journal.JournalRecordFlyweight.BYTE_ORDER;

/**
 * Checks a frame that left its segment file (a Kafka record's value, a copy in a temporary file)
 * exactly as {@link JournalReader} checks one on disk, and a little more, since it may come from
 * anywhere: its length field equals its size, the reserved field is 0, the CRC32C matches, the
 * type is one this version knows and every string of the record decodes. A frame that passes can
 * be appended to a segment ({@link FrameAppender}) and read back by every reader. Not thread-safe
 * (one CRC and one view per instance); allocates the strings it checks.
 */
public final class ShippedFrame
{
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final JournalRecordFlyweight record = new JournalRecordFlyweight();

    /** Why {@code frame} is not a valid frame of a known record, or null when it is one. */
    public String problem(final byte[] frame)
    {
        if (frame == null || frame.length < JournalFrameDescriptor.MIN_FRAME_LENGTH || frame.length > JournalFrameDescriptor.MAX_FRAME_LENGTH)
        {
            return "not a frame: " + (frame == null ? "no value" : frame.length + " bytes");
        }
        buffer.wrap(frame);
        final int length = buffer.getInt(JournalFrameDescriptor.LENGTH_OFFSET, BYTE_ORDER);
        if (length != frame.length)
        {
            return "not a frame: its length field says " + length + " bytes, the value has " + frame.length;
        }
        if (buffer.getShort(JournalFrameDescriptor.RESERVED_OFFSET, BYTE_ORDER) != 0)
        {
            return "not a frame: the reserved field is not 0";
        }
        final int crcOffset = JournalFrameDescriptor.crcOffset(length);
        crc.reset();
        crc.update(frame, JournalFrameDescriptor.TYPE_OFFSET, crcOffset - JournalFrameDescriptor.TYPE_OFFSET);
        if ((int)crc.getValue() != buffer.getInt(crcOffset, BYTE_ORDER))
        {
            return "a CRC mismatch";
        }
        final int typeCode = buffer.getShort(JournalFrameDescriptor.TYPE_OFFSET, BYTE_ORDER) & 0xFFFF;
        final JournalRecordType type = JournalRecordType.fromCode(typeCode);
        if (type == null)
        {
            return "an unknown record type " + typeCode;
        }
        record.wrap(buffer, JournalFrameDescriptor.PAYLOAD_OFFSET, length - JournalFrameDescriptor.OVERHEAD, type);
        try
        {
            final int strings = record.stringCount();
            if (strings > 0)
            {
                // The last string is found by walking every one before it: each length is checked on the way.
                record.string(strings - 1);
            }
        }
        catch (final RuntimeException ex)
        {
            // A frame whose CRC holds but whose strings do not parse: a bug or a forgery, never a record to count.
            return "a record that does not decode: " + ex.getMessage();
        }
        return null;
    }

    /** The record of the frame last found valid by {@link #problem}; valid until the next call. */
    public JournalRecordFlyweight record()
    {
        return record;
    }
}
