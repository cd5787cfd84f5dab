package dev.pulse.server.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.protocol.CloseCode;

import static dev.pulse.server.e2e.RawWebSocket.OP_BINARY;
import static dev.pulse.server.e2e.RawWebSocket.OP_CLOSE;
import static dev.pulse.server.e2e.RawWebSocket.OP_CONTINUATION;
import static dev.pulse.server.e2e.RawWebSocket.OP_PING;
import static dev.pulse.server.e2e.RawWebSocket.OP_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6455 violations from a raw socket, in place of the Autobahn suite: each one closes the
 * connection with 1002 (1007 for bytes that are not UTF-8), the server then drops the socket,
 * the close is counted, nothing escapes the pipeline (no internal error) and another session on
 * the same server goes on being served. The time from the bad frame to the close frame is
 * printed; the wait is bounded by the socket timeout (5 s), so CI noise cannot make it flaky.
 * Valid close frames, a 125-byte ping and UTF-8 split across fragments are the controls: they
 * must not be taken for violations.
 */
@Timeout(120)
class Rfc6455EndToEndTest
{
    private static final byte[] HELLO = "{\"t\":\"hello\",\"v\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EURO = "\"€\"".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static TestServer server;
    private static TestClient bystander;

    /** What a case sends once its connection has said hello. */
    @FunctionalInterface
    interface Violation
    {
        void send(RawWebSocket raw) throws IOException;
    }

    @BeforeAll
    static void start() throws Exception
    {
        server = new TestServer(dir);
        bystander = server.connect();
        bystander.hello(null);
    }

    @AfterAll
    static void stop() throws Exception
    {
        bystander.close();
        server.close();
    }

    @AfterEach
    void othersAreUnaffected() throws Exception
    {
        assertThat(server.server().metrics().internalErrors()).as("nothing escaped the pipeline").isZero();
        bystander.awaitAck(bystander.send("active"));
        assertThat(bystander.closed()).isFalse();
    }

    static Stream<Arguments> violations()
    {
        final List<Arguments> cases = new ArrayList<>();
        cases.add(violation("unmasked client frame", 1002, raw -> raw.frame(true, 0, OP_TEXT, active(), false)));
        for (int rsv = 1; rsv <= 7; rsv++)
        {
            final int bits = rsv;
            cases.add(violation("reserved bits " + Integer.toBinaryString(bits) + " on a text frame", 1002,
                raw -> raw.frame(true, bits, OP_TEXT, active(), true)));
        }
        cases.add(violation("reserved bit on a ping", 1002, raw -> raw.frame(true, 4, OP_PING, new byte[0], true)));
        IntStream.rangeClosed(3, 7).forEach(op -> cases.add(violation("reserved data opcode " + op, 1002,
            raw -> raw.frame(true, 0, op, active(), true))));
        IntStream.rangeClosed(0xB, 0xF).forEach(op -> cases.add(violation("reserved control opcode " + op, 1002,
            raw -> raw.frame(true, 0, op, new byte[0], true))));
        cases.add(violation("ping of 126 bytes", 1002, raw -> raw.frame(true, 0, OP_PING, new byte[126], true)));
        cases.add(violation("close of 126 bytes", 1002, raw -> raw.frame(true, 0, OP_CLOSE, closeBody(1000, 124), true)));
        cases.add(violation("fragmented ping", 1002, raw -> raw.frame(false, 0, OP_PING, new byte[] {1}, true)));
        cases.add(violation("fragmented close", 1002, raw -> raw.frame(false, 0, OP_CLOSE, closeBody(1000, 0), true)));
        cases.add(violation("continuation without a start", 1002, raw -> raw.frame(true, 0, OP_CONTINUATION, active(), true)));
        cases.add(violation("a text frame while a fragmented message is open", 1002, raw ->
        {
            raw.frame(false, 0, OP_TEXT, "{\"t\":\"act".getBytes(StandardCharsets.UTF_8), true);
            raw.frame(true, 0, OP_TEXT, active(), true);
        }));
        cases.add(violation("a binary frame while a fragmented text message is open", 1002, raw ->
        {
            raw.frame(false, 0, OP_TEXT, "{\"t\":\"act".getBytes(StandardCharsets.UTF_8), true);
            raw.frame(true, 0, OP_BINARY, new byte[] {1}, true);
        }));
        for (final int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65_535})
        {
            cases.add(violation("close code " + code, 1002, raw -> raw.frame(true, 0, OP_CLOSE, closeBody(code, 0), true)));
        }
        cases.add(violation("close body of one byte", 1002, raw -> raw.frame(true, 0, OP_CLOSE, new byte[] {3}, true)));
        cases.add(violation("close reason not UTF-8", 1007, raw ->
        {
            final byte[] body = closeBody(1000, 3);
            body[2] = (byte)0xC3;
            body[3] = (byte)0x28;
            body[4] = 'x';
            raw.frame(true, 0, OP_CLOSE, body, true);
        }));
        cases.add(violation("length 5 in the 16-bit form", 1002, raw -> raw.bytes(header(0x81, 126, 5, 0, 5))));
        cases.add(violation("length 200 in the 64-bit form", 1002, raw -> raw.bytes(header(0x81, 127, 200, 0, 0, 0, 0, 0, 0, 0, 200))));
        cases.add(violation("64-bit length with its top bit set", 1002, raw -> raw.bytes(header(0x81, 127, 5, 0x80, 0, 0, 0, 0, 0, 0, 5))));
        cases.add(violation("text not UTF-8", 1007, raw -> raw.frame(true, 0, OP_TEXT, new byte[] {'{', '"', (byte)0xC3, 0x28, '"', '}'}, true)));
        cases.add(violation("UTF-8 broken across fragments", 1007, raw ->
        {
            raw.frame(false, 0, OP_TEXT, "{\"t\":\"active\",\"x\":\"".getBytes(StandardCharsets.UTF_8), true);
            raw.frame(true, 0, OP_CONTINUATION, new byte[] {(byte)0xE2, (byte)0x28, '"', '}'}, true);
        }));
        cases.add(violation("a message ending inside a UTF-8 sequence", 1007, raw ->
            raw.frame(true, 0, OP_TEXT, new byte[] {'"', (byte)0xE2, (byte)0x82}, true)));
        cases.add(violation("an encoded surrogate (not UTF-8)", 1007, raw ->
            raw.frame(true, 0, OP_TEXT, new byte[] {'"', (byte)0xED, (byte)0xA0, (byte)0x80, '"'}, true)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} closes {1}")
    @MethodSource("violations")
    void shouldCloseAViolationWithItsCode(final String name, final int expectedCode, final Violation violation) throws Exception
    {
        final Metrics metrics = server.server().metrics();
        final CloseCode counted = expectedCode == 1007 ? CloseCode.INVALID_PAYLOAD : CloseCode.PROTOCOL_ERROR;
        final long closesBefore = metrics.closes(counted);
        try (RawWebSocket raw = RawWebSocket.open(server.port()))
        {
            raw.text(new String(HELLO, StandardCharsets.UTF_8));
            assertThat(raw.nextText("welcome")).as("welcomed").isNotNull();
            final long sentNanos = System.nanoTime();
            violation.send(raw);
            final int code = raw.awaitClose();
            final long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
            System.out.printf("RFC 6455 %-55s -> close %d after %d ms%n", name, code, closeMs);
            assertThat(code).as(name).isEqualTo(expectedCode);
            assertThat(raw.closedByServer()).as("the server drops the socket after its close frame").isTrue();
        }
        awaitCount(() -> metrics.closes(counted), closesBefore + 1);
    }

    @ParameterizedTest(name = "close code {0} is echoed")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999})
    void shouldEchoAValidCloseCode(final int code) throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.open(server.port()))
        {
            raw.text(new String(HELLO, StandardCharsets.UTF_8));
            assertThat(raw.nextText("welcome")).isNotNull();
            raw.frame(true, 0, OP_CLOSE, closeBody(code, 2), true);
            assertThat(raw.awaitClose()).isEqualTo(code);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty close", "ping of 125 bytes", "UTF-8 split across fragments", "ping inside a fragmented message"})
    void shouldAcceptWhatTheRfcAllows(final String name) throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.open(server.port()))
        {
            raw.text(new String(HELLO, StandardCharsets.UTF_8));
            assertThat(raw.nextText("welcome")).isNotNull();
            switch (name)
            {
                case "empty close":
                    raw.frame(true, 0, OP_CLOSE, new byte[0], true);
                    assertThat(raw.awaitClose()).as("echoed without a code").isEqualTo(1005);
                    return;
                case "ping of 125 bytes":
                    raw.frame(true, 0, OP_PING, new byte[125], true);
                    final RawWebSocket.Frame pong = raw.next();
                    assertThat(pong.opcode()).isEqualTo(0xA);
                    assertThat(pong.payload()).hasSize(125);
                    break;
                case "UTF-8 split across fragments":
                    final byte[] message = ("{\"t\":\"active\",\"seq\":1,\"x\":" + new String(EURO, StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                    final int split = message.length - 4; // inside the three bytes of the euro sign
                    raw.frame(false, 0, OP_TEXT, java.util.Arrays.copyOfRange(message, 0, split), true);
                    raw.frame(true, 0, OP_CONTINUATION, java.util.Arrays.copyOfRange(message, split, message.length), true);
                    assertThat(raw.nextText("\"ack\"")).contains("\"seq\":1");
                    break;
                default:
                    raw.frame(false, 0, OP_TEXT, "{\"t\":\"active\",".getBytes(StandardCharsets.UTF_8), true);
                    raw.frame(true, 0, OP_PING, new byte[] {7}, true);
                    assertThat(raw.next().opcode()).isEqualTo(0xA);
                    raw.frame(true, 0, OP_CONTINUATION, "\"seq\":1}".getBytes(StandardCharsets.UTF_8), true);
                    assertThat(raw.nextText("\"ack\"")).contains("\"seq\":1");
                    break;
            }
            raw.frame(true, 0, OP_CLOSE, closeBody(1000, 0), true);
            assertThat(raw.awaitClose()).isEqualTo(1000);
        }
    }

    private static Arguments violation(final String name, final int code, final Violation violation)
    {
        return Arguments.of(name, code, violation);
    }

    private static byte[] active()
    {
        return "{\"t\":\"active\",\"seq\":1}".getBytes(StandardCharsets.UTF_8);
    }

    /** A close body: the code and {@code reasonBytes} bytes of ASCII reason. */
    private static byte[] closeBody(final int code, final int reasonBytes)
    {
        final byte[] body = new byte[2 + reasonBytes];
        body[0] = (byte)(code >>> 8);
        body[1] = (byte)code;
        java.util.Arrays.fill(body, 2, body.length, (byte)'r');
        return body;
    }

    /**
     * A masked text frame written by hand, for lengths no encoder writes: the first byte, the
     * 7-bit length field, {@code payloadBytes} of payload, and the extended length bytes as given.
     */
    private static byte[] header(final int first, final int length7, final int payloadBytes, final int... extendedLength)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        out.write(0x80 | length7);
        for (final int b : extendedLength)
        {
            out.write(b);
        }
        out.writeBytes(new byte[4]);
        out.writeBytes("x".repeat(payloadBytes).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void awaitCount(final java.util.function.LongSupplier count, final long expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.getAsLong() < expected && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(count.getAsLong()).as("the close is counted once").isEqualTo(expected);
    }
}
