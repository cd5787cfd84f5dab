package dev.pulse.loadtest;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes client messages as masked WebSocket text frames (RFC 6455 5.3) straight into pooled
 * buffers: a message is a pre-built byte template followed by the few numbers and ids that
 * change, assembled in a scratch array, masked there in place and copied once into the buffer.
 * No Jackson, no String per message.
 *
 * <p>The masking key comes from a fast per-loop generator rather than a strong one: the key only
 * exists to stop a browser's script from steering what proxies see, which a load generator on
 * loopback has no use for, and the server cannot tell the difference.
 *
 * <p>Not thread-safe: one instance per event loop.
 */
final class ClientFrameProxy
{
    /** Largest payload this encoder writes: every message of the protocol fits (hello is the longest). */
    static final int MAX_PAYLOAD = 2048;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PONG = 0xA;
    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;
    private static final byte[] ANSWER_PREFIX = ascii("{\"t\":\"answer\",\"iid\":\"");
    private static final byte[] ANSWER_CHOICE = ascii("\",\"choice\":\"");
    private static final byte[] SEQ_AFTER_STRING = ascii("\",\"seq\":");
    private static final byte[] HELLO_NEW = ascii("{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"}}");
    private static final byte[] HELLO_RESUME = ascii("{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"},\"sid\":\"");
    private static final byte[] HELLO_RESUME_END = ascii("\"}");
    private static final byte[] HELLO_CARRY = ascii("\",\"carry\":\"");
    private static final byte[] HELLO_ACKED = ascii("\",\"acked\":");

    private final byte[] payload = new byte[MAX_PAYLOAD];
    private int maskSeed;

    ClientFrameProxy(final int seed)
    {
        this.maskSeed = seed == 0 ? 0x2545F491 : seed;
    }

    /** The message {@code template} (which ends with {@code "seq":}) completed by {@code seq} and {@code }}. */
    ByteBuf message(final ByteBufAllocator alloc, final byte[] template, final long seq)
    {
        int length = put(template, 0);
        length = putDecimal(seq, length);
        payload[length++] = '}';
        return frame(alloc, OPCODE_TEXT, length);
    }

    /** {@code {"t":"answer","iid":"IID","choice":"CHOICE","seq":SEQ}} */
    ByteBuf answer(
        final ByteBufAllocator alloc, final byte[] iid, final int iidLength, final byte[] choice, final int choiceLength, final long seq)
    {
        int length = put(iid, iidLength, put(ANSWER_PREFIX, 0));
        length = put(choice, choiceLength, put(ANSWER_CHOICE, length));
        length = put(SEQ_AFTER_STRING, length);
        length = putDecimal(seq, length);
        payload[length++] = '}';
        return frame(alloc, OPCODE_TEXT, length);
    }

    /** The first message of a connection: a new session, or the session {@code sid} resumed. */
    ByteBuf hello(final ByteBufAllocator alloc, final byte[] sid, final int sidLength)
    {
        if (sidLength == 0)
        {
            return frame(alloc, OPCODE_TEXT, put(HELLO_NEW, 0));
        }
        final int length = put(HELLO_RESUME_END, put(sid, sidLength, put(HELLO_RESUME, 0)));
        return frame(alloc, OPCODE_TEXT, length);
    }

    /**
     * A hello resuming the session {@code sid} with the latest carry it received and the highest
     * seq it saw acked, so a node that never saw the session can take it up (docs/protocol.md).
     */
    ByteBuf hello(final ByteBufAllocator alloc, final byte[] sid, final int sidLength, final byte[] carry, final int carryLength,
        final long ackedSeq)
    {
        int length = put(sid, sidLength, put(HELLO_RESUME, 0));
        length = put(carry, carryLength, put(HELLO_CARRY, length));
        length = put(HELLO_ACKED, length);
        length = putDecimal(ackedSeq, length);
        payload[length++] = '}';
        return frame(alloc, OPCODE_TEXT, length);
    }

    /** A close frame with {@code code} and no reason. */
    ByteBuf close(final ByteBufAllocator alloc, final int code)
    {
        payload[0] = (byte)(code >>> 8);
        payload[1] = (byte)code;
        return frame(alloc, OPCODE_CLOSE, 2);
    }

    /** The answer to a ping: the same application data back. */
    ByteBuf pong(final ByteBufAllocator alloc, final ByteBuf data, final int index, final int length)
    {
        final int copied = Math.min(length, 125);
        data.getBytes(index, payload, 0, copied);
        return frame(alloc, OPCODE_PONG, copied);
    }

    private ByteBuf frame(final ByteBufAllocator alloc, final int opcode, final int length)
    {
        final int mask = nextMask();
        for (int i = 0; i < length; i++)
        {
            payload[i] ^= (byte)(mask >>> (24 - ((i & 3) << 3)));
        }
        final int header = length < 126 ? 6 : 8;
        final ByteBuf out = alloc.directBuffer(header + length);
        out.writeByte(FIN | opcode);
        if (length < 126)
        {
            out.writeByte(MASKED | length);
        }
        else
        {
            out.writeByte(MASKED | 126);
            out.writeShort(length);
        }
        out.writeInt(mask);
        out.writeBytes(payload, 0, length);
        return out;
    }

    private int put(final byte[] bytes, final int at)
    {
        return put(bytes, bytes.length, at);
    }

    /** Copies the first {@code length} bytes of {@code bytes} to {@code at}; returns the end. */
    private int put(final byte[] bytes, final int length, final int at)
    {
        System.arraycopy(bytes, 0, payload, at, length);
        return at + length;
    }

    /** Writes a non-negative decimal at {@code at}; returns the end. */
    private int putDecimal(final long value, final int at)
    {
        final int digits = digits(value);
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--)
        {
            payload[i] = (byte)('0' + (int)(rest % 10));
            rest /= 10;
        }
        return at + digits;
    }

    private static int digits(final long value)
    {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }
        return digits;
    }

    /** xorshift32: a new key per frame. */
    private int nextMask()
    {
        int x = maskSeed;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        maskSeed = x;
        return x;
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
