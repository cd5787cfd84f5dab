package dev.pulse.journal;

/**
 * Layout of one frame in a segment file: a record payload ({@link JournalRecordFlyweight}) with its
 * length, type and a CRC32C over type, reserved and payload. Little-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |            frame length (4): the whole frame, CRC included    |  0
 *  |           type (2)            |         reserved (2) = 0      |  4
 *  +-------------------------------+-------------------------------+
 *  |                         payload ...                           |  8
 *  +---------------------------------------------------------------+
 *  |                crc32c (4) of bytes [4, 8 + payload)           |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Frames are packed back to back with no alignment; a segment is a sequence of whole frames, but
 * its tail may be torn by a crash (recovery truncates it, see {@link SegmentRecovery}).
 */
final class JournalFrameDescriptor
{
    static final int LENGTH_OFFSET = 0;
    static final int TYPE_OFFSET = 4;
    static final int RESERVED_OFFSET = 6;
    static final int PAYLOAD_OFFSET = 8;
    static final int HEADER_LENGTH = PAYLOAD_OFFSET;
    static final int CRC_LENGTH = 4;
    static final int OVERHEAD = HEADER_LENGTH + CRC_LENGTH;
    /** The shortest frame that can hold a record. */
    static final int MIN_FRAME_LENGTH = OVERHEAD + JournalRecordFlyweight.HEADER_LENGTH;
    /** No sane frame is longer (records are at most a fraction of the ring buffer). */
    static final int MAX_FRAME_LENGTH = 16 << 20;

    private JournalFrameDescriptor()
    {
    }

    static int frameLength(final int payloadLength)
    {
        return payloadLength + OVERHEAD;
    }

    static int crcOffset(final int frameLength)
    {
        return frameLength - CRC_LENGTH;
    }
}
