package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.config.ServerConfigBuilder;
import dev.pulse.server.protocol.CloseCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends and never reads must not make the server buffer without bound: while it is
 * not reading, its acks coalesce into the latest and its pings into one pong, a question still
 * goes out, and the connection is closed with 1013 once it has not read for the write stall
 * timeout or has more pending than the cap, counted. Another client on the same server is served
 * throughout. The client's receive buffer is shrunk so the kernel holds little for it.
 */
@Timeout(60)
class SlowConsumerEndToEndTest
{
    /** The channel's high-water mark (PulseServer): past it the channel is unwritable. */
    private static final long HIGH_WATER_BYTES = 64 * 1024;
    /** What may be written on top of a limit by the message that crosses it: a frame or two. */
    private static final long ONE_MESSAGE_SLACK_BYTES = 1024;
    private static final int SMALL_RECEIVE_BUFFER = 4096;
    private static final byte[] PING_PAYLOAD = new byte[125];

    @TempDir
    Path dir;

    @Test
    void shouldCloseAClientThatStopsReadingForTheWriteStallTimeout() throws Exception
    {
        try (TestServer server = server(builder -> builder.writeStallTimeoutMs(1_000)); TestClient bystander = server.connect();
             RawWebSocket raw = helloed(server))
        {
            bystander.hello(null);
            final long maxPending;
            final long rounds;
            try (Flood flood = new Flood(raw, (socket, round) ->
            {
                socket.frame(true, 0, RawWebSocket.OP_PING, PING_PAYLOAD, true);
                socket.text("{\"t\":\"active\",\"seq\":" + round + "}");
            }))
            {
                maxPending = maxPendingUntil(server, () -> server.server().metrics().closes(CloseCode.SLOW_CONSUMER) > 0, 20);
                rounds = flood.rounds();
            }
            System.out.printf("write stall: closed after %d rounds, pending bytes at most %d%n", rounds, maxPending);
            assertThat(server.server().metrics().closes(CloseCode.SLOW_CONSUMER)).as("closed as a slow consumer, counted").isEqualTo(1);
            assertThat(maxPending).as("acks and pongs held back once unwritable: pending stays at the high-water mark")
                .isGreaterThanOrEqualTo(HIGH_WATER_BYTES).isLessThanOrEqualTo(HIGH_WATER_BYTES + ONE_MESSAGE_SLACK_BYTES);
            assertThat(raw.awaitClose()).as("the close frame, once the client reads again").isEqualTo(1013);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldCloseAClientWhosePendingBytesPassTheCap() throws Exception
    {
        final int cap = 128 * 1024;
        try (TestServer server = server(builder -> builder.maxPendingWriteBytes(cap).writeStallTimeoutMs(60_000));
             TestClient bystander = server.connect(); RawWebSocket raw = helloed(server))
        {
            bystander.hello(null);
            final long maxPending;
            final long rounds;
            // Every message skips a seq: each is handled and answered with out_of_order, which is not held back.
            try (Flood flood = new Flood(raw, (socket, round) -> socket.text("{\"t\":\"active\",\"seq\":" + 2 * round + "}")))
            {
                maxPending = maxPendingUntil(server, () -> server.server().metrics().closes(CloseCode.SLOW_CONSUMER) > 0, 20);
                rounds = flood.rounds();
            }
            System.out.printf("pending cap: closed after %d messages, pending bytes at most %d%n", rounds, maxPending);
            // The stall timeout (60 s) is far beyond this test's 20 s, so only the cap can have closed it.
            // Pending bytes are sampled, so the largest sample may fall short of the cap: it is only
            // ever an upper bound that is asserted.
            assertThat(server.server().metrics().closes(CloseCode.SLOW_CONSUMER)).as("closed at the cap, counted").isEqualTo(1);
            assertThat(maxPending).as("never past the cap").isLessThanOrEqualTo(cap + ONE_MESSAGE_SLACK_BYTES);
            assertThat(raw.awaitClose()).isEqualTo(1013);
            assertServing(server, bystander);
        }
    }

    @Test
    void shouldCoalesceAcksAndStillSendTheQuestionWhileTheClientIsNotReading() throws Exception
    {
        try (TestServer server = server(builder -> builder.writeStallTimeoutMs(60_000).maxPendingWriteBytes(16 * 1024 * 1024));
             TestClient bystander = server.connect(); RawWebSocket raw = helloed(server))
        {
            bystander.hello(null);
            System.out.printf("not reading: unwritable after %d pings%n", pingUntilUnwritable(server, raw));
            final int events = 30;
            for (int seq = 1; seq <= events; seq++)
            {
                raw.text("{\"t\":\"active\",\"seq\":" + seq + "}");
                Thread.sleep(2); // a read (and, unless held back, an ack) each
            }
            raw.text("{\"t\":\"search\",\"seq\":31,\"q\":\"lamp\",\"results\":0}");
            raw.text("{\"t\":\"search\",\"seq\":32,\"q\":\"lamps\",\"results\":0}");
            awaitTrue(() -> server.metric("pulse_questions_shown_total") == 1);

            final List<Long> acks = new ArrayList<>();
            String question = null;
            while (question == null || acks.isEmpty() || acks.get(acks.size() - 1) < 32)
            {
                final RawWebSocket.Frame frame = raw.next();
                assertThat(frame).as("the held-back ack arrives once the client reads").isNotNull();
                if (frame.opcode() != RawWebSocket.OP_TEXT)
                {
                    continue;
                }
                final JsonNode message = TestClient.JSON.readTree(frame.payload());
                if (message.get("t").asText().equals("ack"))
                {
                    acks.add(message.get("seq").asLong());
                }
                else if (message.get("t").asText().equals("question"))
                {
                    question = message.toString();
                }
            }
            assertThat(question).as("a question is never held back or dropped").isNotNull();
            // One ack, of the latest seq, while the channel stays unwritable. The kernel may still take
            // a little more once (its send buffer grows), making the channel writable for a moment.
            assertThat(acks).as("acks coalesce while the client is not reading").hasSizeLessThanOrEqualTo(3).last().isEqualTo(32L);
            assertThat(server.server().metrics().closes(CloseCode.SLOW_CONSUMER)).isZero();
            raw.text("{\"t\":\"active\",\"seq\":33}");
            assertThat(raw.nextText("\"ack\"")).as("reading again, acked as usual").contains("\"seq\":33");
            assertServing(server, bystander);
        }
    }

    private TestServer server(final UnaryOperator<ServerConfigBuilder> limits) throws Exception
    {
        // No rate limit in the way: these tests are about what the server writes, not what it takes.
        return new TestServer(dir, builder -> limits.apply(builder.messagesPerSecond(10_000_000).messageBurst(10_000_000)));
    }

    private static RawWebSocket helloed(final TestServer server) throws Exception
    {
        final RawWebSocket raw = RawWebSocket.connect(server.port(), SMALL_RECEIVE_BUFFER, "/ws?site=test", "Origin: http://localhost");
        raw.text("{\"t\":\"hello\",\"v\":1}");
        assertThat(raw.nextText("welcome")).isNotNull();
        return raw;
    }

    /**
     * Sends pings, and reads nothing, until the server holds this client's pongs back for good: the
     * pending bytes (its pongs fill the kernel's buffers first) stay put, above the low-water mark,
     * while 2,000 more pings come. Stable there, the channel is unwritable (a writable one would write
     * each pong) and the kernel takes no more. Crossing the high-water mark is not enough: early in a
     * connection the kernel's send buffer is still growing, and may take all that is pending a moment
     * later, making the channel writable again. Returns how many pings it sent.
     */
    private static long pingUntilUnwritable(final TestServer server, final RawWebSocket raw) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long pings = 0;
        long previous = -1;
        int unchanged = 0;
        long pending = server.metric("pulse_write_pending_bytes");
        while (!(pending > HIGH_WATER_BYTES / 2 && unchanged >= 20) && System.nanoTime() < deadline)
        {
            for (int i = 0; i < 100; i++)
            {
                raw.frame(true, 0, RawWebSocket.OP_PING, PING_PAYLOAD, true);
            }
            pings += 100;
            Thread.sleep(5);
            previous = pending;
            pending = server.metric("pulse_write_pending_bytes");
            unchanged = pending == previous ? unchanged + 1 : 0;
        }
        assertThat(pending).as("pongs held back: the channel is unwritable").isGreaterThan(HIGH_WATER_BYTES / 2);
        assertThat(unchanged).as("pending bytes stopped moving while pings kept coming").isGreaterThanOrEqualTo(20);
        return pings;
    }

    /** The most pending write bytes the server reported while waiting (bounded) for {@code done}. */
    private static long maxPendingUntil(final TestServer server, final BooleanSupplier done, final int seconds) throws InterruptedException
    {
        long max = 0;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < deadline)
        {
            max = Math.max(max, server.metric("pulse_write_pending_bytes"));
            Thread.sleep(1);
        }
        return Math.max(max, server.metric("pulse_write_pending_bytes"));
    }

    private static void awaitTrue(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static void assertServing(final TestServer server, final TestClient bystander) throws Exception
    {
        bystander.awaitAck(bystander.send("active"));
        assertThat(bystander.closed()).as("the other client is unaffected").isFalse();
        assertThat(server.server().metrics().internalErrors()).isZero();
    }
}
