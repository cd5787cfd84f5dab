package dev.pulse.bench.floor;


import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The floor server's messages, byte for byte the shapes Pulse sends: {@code welcome},
 * cumulative {@code ack}, and the load-test catalog's back-and-forth {@code question} and
 * {@code response} (fixed text, {@code iid} "1").
 */
final class FloorReplies
{
    private static final byte[] HEX = FloorMessage.ascii("0123456789abcdef");
    private static final byte[] WELCOME_START = FloorMessage.ascii("{\"t\":\"welcome\",\"sid\":\"");
    private static final byte[] WELCOME_END = FloorMessage.ascii("\",\"resumed\":false,\"seq\":0}");
    private static final byte[] ACK_START = FloorMessage.ascii("{\"t\":\"ack\",\"seq\":");
    private static final byte[] QUESTION = FloorMessage.ascii(
        "{\"t\":\"question\",\"iid\":\"1\",\"qid\":\"back_and_forth\",\"text\":\"Going back and forth: what are you comparing?\"," +
        "\"choices\":[{\"id\":\"a\",\"label\":\"Something I can't find\"},{\"id\":\"b\",\"label\":\"Something isn't clear\"}," +
        "{\"id\":\"c\",\"label\":\"Just looking\"}]}");
    private static final byte[] RESPONSE_START = FloorMessage.ascii("{\"t\":\"response\",\"iid\":\"1\",\"choice\":\"");
    private static final byte[] RESPONSE_END = FloorMessage.ascii(
        "\",\"title\":\"Here is where to go next\",\"body\":\"Everything you need is one step ahead.\"," +
        "\"cta\":{\"label\":\"Go on\",\"url\":\"/thanks\"}}");
    private static final int SID_NIBBLES = 32;
    private static final int LONG_DIGITS = 20;

    private FloorReplies()
    {
    }

    /** A new session: its 128-bit sid in lower-case hex, nothing to resume. */
    static ByteBuf welcome(final ByteBufAllocator alloc, final long sidHi, final long sidLo)
    {
        final ByteBuf out = alloc.buffer(WELCOME_START.length + SID_NIBBLES + WELCOME_END.length);
        out.writeBytes(WELCOME_START);
        for (int half = 0; half < 2; half++)
        {
            final long bits = half == 0 ? sidHi : sidLo;
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                out.writeByte(HEX[(int)(bits >>> shift) & 0xf]);
            }
        }
        return out.writeBytes(WELCOME_END);
    }

    static ByteBuf ack(final ByteBufAllocator alloc, final long seq)
    {
        final ByteBuf out = alloc.buffer(ACK_START.length + LONG_DIGITS + 1);
        out.writeBytes(ACK_START);
        writeNumber(out, seq);
        return out.writeByte('}');
    }

    static ByteBuf question(final ByteBufAllocator alloc)
    {
        return alloc.buffer(QUESTION.length).writeBytes(QUESTION);
    }

    /** The response up to its choice id, which the caller copies from the answer. */
    static ByteBuf responseStart(final ByteBufAllocator alloc)
    {
        return alloc.buffer(RESPONSE_START.length + RESPONSE_END.length + 16).writeBytes(RESPONSE_START);
    }

    static ByteBuf responseEnd(final ByteBuf out)
    {
        return out.writeBytes(RESPONSE_END);
    }

    private static void writeNumber(final ByteBuf out, final long value)
    {
        if (value == 0)
        {
            out.writeByte('0');
            return;
        }
        long divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        for (long d = divisor; d > 0; d /= 10)
        {
            out.writeByte('0' + (int)(value / d % 10));
        }
    }
}
