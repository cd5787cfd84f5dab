package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;

/**
 * Splits the bytes a server sends into WebSocket frames (RFC 6455 5.2) without making frame
 * objects: {@link #next} finds one complete frame at the reader index, notes its opcode and where
 * its payload lies, and moves past it. A frame that has not fully arrived is left for the next
 * read. The server sends whole, unmasked messages; a fragment, a masked frame or one larger than
 * {@link #MAX_PAYLOAD} is a protocol error.
 *
 * <p>Not thread-safe: one instance per event loop.
 */
final class ServerFrameReader
{
    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_CLOSE = 0x8;
    static final int OPCODE_PING = 0x9;
    static final int OPCODE_PONG = 0xA;
    static final int MAX_PAYLOAD = 65_536;

    /** What {@link #next} found. */
    enum Result
    {
        FRAME, INCOMPLETE, PROTOCOL_ERROR
    }

    private int opcode;
    private int payloadIndex;
    private int payloadLength;

    Result next(final ByteBuf in)
    {
        final int start = in.readerIndex();
        final int available = in.readableBytes();
        if (available < 2)
        {
            return Result.INCOMPLETE;
        }
        final int b0 = in.getUnsignedByte(start);
        final int b1 = in.getUnsignedByte(start + 1);
        if ((b0 & 0x80) == 0 || (b0 & 0x70) != 0 || (b1 & 0x80) != 0)
        {
            return Result.PROTOCOL_ERROR;
        }
        int header = 2;
        long length = b1 & 0x7F;
        if (length == 126)
        {
            if (available < 4)
            {
                return Result.INCOMPLETE;
            }
            length = in.getUnsignedShort(start + 2);
            header = 4;
        }
        else if (length == 127)
        {
            if (available < 10)
            {
                return Result.INCOMPLETE;
            }
            length = in.getLong(start + 2);
            header = 10;
        }
        if (length < 0 || length > MAX_PAYLOAD)
        {
            return Result.PROTOCOL_ERROR;
        }
        if (available < header + length)
        {
            return Result.INCOMPLETE;
        }
        opcode = b0 & 0x0F;
        payloadIndex = start + header;
        payloadLength = (int)length;
        in.readerIndex(payloadIndex + payloadLength);
        return Result.FRAME;
    }

    int opcode()
    {
        return opcode;
    }

    int payloadIndex()
    {
        return payloadIndex;
    }

    int payloadLength()
    {
        return payloadLength;
    }
}
