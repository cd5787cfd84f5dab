package dev.pulse.loadtest;

import io.netty.buffer.ByteBuf;

/**
 * The reading pieces one event loop shares among all its connections: the frame splitter, and for
 * a text frame one scratch array its payload is copied into and one {@link ServerMessage} it is
 * scanned into. Sharing them is safe because a loop reads one frame at a time and each message is
 * handled before the next is read; it keeps the per-frame path free of allocation.
 *
 * <p>Not thread-safe: one instance per event loop.
 */
final class ServerMessageReader
{
    private final ServerFrameReader frames = new ServerFrameReader();
    private final ServerMessageScanner scanner = new ServerMessageScanner();
    private final ServerMessage message = new ServerMessage();
    private final byte[] textScratch = new byte[ServerFrameReader.MAX_PAYLOAD];

    /** The frame splitter; {@link #text} reads the frame it found last. */
    ServerFrameReader frames()
    {
        return frames;
    }

    /** The text frame {@link #frames} just found in {@code in}, scanned: valid until the next call. */
    ServerMessage text(final ByteBuf in)
    {
        final int length = frames.payloadLength();
        in.getBytes(frames.payloadIndex(), textScratch, 0, length);
        return scanner.scan(textScratch, length, message);
    }
}
