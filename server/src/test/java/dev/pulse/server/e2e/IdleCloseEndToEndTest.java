package dev.pulse.server.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A silent peer is closed with its reason (1000, {@code idle}), and never before it has been
 * silent for {@code read_timeout_ms}: any frame, even a ping, restarts the count. Only lower
 * bounds are asserted (the server's idle check may run late on a busy machine, never early).
 */
@Timeout(60)
class IdleCloseEndToEndTest
{
    private static final long READ_TIMEOUT_MS = 1_000;
    private static final String HELLO = "{\"t\":\"hello\",\"v\":1,\"url\":\"/\",\"ctx\":{\"device\":\"desktop\"}}";

    @TempDir
    Path dir;

    @Test
    void shouldCloseASilentPeerWithIdleNoEarlierThanTheReadTimeout() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.readTimeoutMs(READ_TIMEOUT_MS));
            RawWebSocket peer = RawWebSocket.open(server.port()))
        {
            peer.soTimeout(10_000);
            peer.text(HELLO);
            assertThat(peer.nextText("welcome")).isNotNull();

            // Talking more often than the timeout keeps the connection for several timeouts' worth:
            // each ping is answered with a pong, not with a close.
            long lastFrameSentNanos = 0;
            final long keptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * READ_TIMEOUT_MS);
            while (System.nanoTime() < keptNanos)
            {
                Thread.sleep(READ_TIMEOUT_MS / 4);
                lastFrameSentNanos = System.nanoTime();
                peer.frame(true, 0, RawWebSocket.OP_PING, new byte[] {1}, true);
                assertThat(nextNotText(peer).opcode()).as("a talking peer is answered, not closed").isEqualTo(0xA);
            }

            // Then silence: the close comes, as 1000 idle, at least read_timeout_ms after the last frame
            // left (the server read it no earlier than that, and counts from when it read it).
            final RawWebSocket.Frame close = nextNotText(peer);
            final long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFrameSentNanos);
            assertThat(close.opcode()).isEqualTo(RawWebSocket.OP_CLOSE);
            final ByteBuffer payload = ByteBuffer.wrap(close.payload());
            assertThat(payload.getShort() & 0xFFFF).isEqualTo(1000);
            assertThat(StandardCharsets.UTF_8.decode(payload).toString()).isEqualTo("idle");
            assertThat(silentMs).as("closed after %d ms of silence", silentMs).isGreaterThanOrEqualTo(READ_TIMEOUT_MS);
        }
    }

    /** The next frame that is not a text message (acks may arrive at any time). */
    private static RawWebSocket.Frame nextNotText(final RawWebSocket peer) throws Exception
    {
        RawWebSocket.Frame frame = peer.next();
        while (frame != null && frame.opcode() == RawWebSocket.OP_TEXT)
        {
            frame = peer.next();
        }
        assertThat(frame).as("the server sent a frame").isNotNull();
        return frame;
    }
}
