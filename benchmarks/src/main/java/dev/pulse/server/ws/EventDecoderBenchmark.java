package dev.pulse.server.ws;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;

/**
 * The server's {@link EventDecoder} on one message of each kind, from a pooled direct
 * {@link ByteBuf} as a text frame's content arrives from Netty (the path {@code ConnectionHandler}
 * takes: copy out of the buffer, feed Jackson's non-blocking parser, validate). The messages are
 * what the browser snippet sends ({@code JSON.stringify} puts {@code seq} last). Goal: 0 B/op.
 *
 * <p>{@code hello_ctx} allocates by design: the decoder replaces its parser after any {@code ctx}
 * key, because the parser would otherwise keep every client-chosen name it has seen. That is one
 * parser per connection, not per event.
 */
public class EventDecoderBenchmark extends HotPathBenchmark
{
    @Param({"hello", "hello_ctx", "page", "active", "visibility", "click", "search", "form_error", "exit_intent", "goal", "answer",
        "dismiss"})
    public String kind;

    private final EventDecoder decoder = new EventDecoder(4096);
    private final DecodedMessage message = new DecodedMessage();
    private ByteBuf frame;

    @Setup
    public void setUp()
    {
        final byte[] bytes = message(kind).getBytes(StandardCharsets.UTF_8);
        frame = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
        frame.writeBytes(bytes);
        final DecodedMessage decoded = decoder.decode(frame, message);
        if (decoded.error() != null)
        {
            throw new IllegalStateException(kind + " does not decode: " + decoded.error() + " " + decoded.errorDetail());
        }
    }

    @TearDown
    public void tearDown()
    {
        frame.release();
    }

    /** One message: copy out of the frame, parse, validate. */
    @Benchmark
    public MessageType decode()
    {
        return decoder.decode(frame, message).type();
    }

    private static String message(final String kind)
    {
        switch (kind)
        {
            case "hello":
                return "{\"t\":\"hello\",\"v\":1,\"sid\":\"5f0c8e1d2b3a49687a6b5c4d3e2f1a0b\",\"url\":\"/pricing\",\"ctx\":{}}";
            case "hello_ctx":
                return "{\"t\":\"hello\",\"v\":1,\"sid\":\"5f0c8e1d2b3a49687a6b5c4d3e2f1a0b\",\"url\":\"/pricing\"," +
                    "\"ctx\":{\"device\":\"mobile\",\"tier\":\"pro\"}}";
            case "page":
                return "{\"t\":\"page\",\"url\":\"/product/2?ref=newsletter\",\"nav\":\"back\",\"seq\":1234}";
            case "active":
                return "{\"t\":\"active\",\"seq\":1234}";
            case "visibility":
                return "{\"t\":\"visibility\",\"hidden\":true,\"seq\":1234}";
            case "click":
                return "{\"t\":\"click\",\"target\":\"button#add-to-cart\",\"x\":412,\"y\":633,\"seq\":1234}";
            case "search":
                return "{\"t\":\"search\",\"q\":\"brass reading lamp\",\"results\":0,\"seq\":1234}";
            case "form_error":
                return "{\"t\":\"form_error\",\"form\":\"checkout\",\"field\":\"postcode\",\"seq\":1234}";
            case "exit_intent":
                return "{\"t\":\"exit_intent\",\"seq\":1234}";
            case "goal":
                return "{\"t\":\"goal\",\"name\":\"purchase\",\"seq\":1234}";
            case "answer":
                return "{\"t\":\"answer\",\"iid\":\"3\",\"choice\":\"team-size\",\"seq\":1234}";
            case "dismiss":
                return "{\"t\":\"dismiss\",\"iid\":\"3\",\"seq\":1234}";
            default:
                throw new IllegalArgumentException("no message of kind " + kind);
        }
    }
}
