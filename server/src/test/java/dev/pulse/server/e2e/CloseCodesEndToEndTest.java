package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every close code of docs/protocol.md, produced by the input that should produce it; the RFC 6455
 * violations (1002, 1007) are {@link Rfc6455EndToEndTest}.
 */
@Timeout(60)
class CloseCodesEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCloseAnIdleConnectionWith1000() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.readTimeoutMs(700)); TestClient client = server.connect())
        {
            client.hello(null);
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void shouldCloseWith1001WhenTheServerShutsDown() throws Exception
    {
        final TestServer server = new TestServer(dir);
        try (TestClient client = server.connect())
        {
            client.hello(null);
            server.close();
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }

    @Test
    void shouldCloseABinaryFrameWith1003() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.hello(null);
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.awaitClose()).isEqualTo(1003);
        }
    }

    @Test
    void shouldCloseWith1008WhenTheFirstFrameIsNotAHello() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.sendRaw("{\"t\":\"active\",\"seq\":1}");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void shouldCloseWith1008ForAnUnsupportedVersion() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.sendRaw("{\"t\":\"hello\",\"v\":2}");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void shouldCloseWith1008AfterTooManyRejectedMessages() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.hello(null);
            for (int i = 0; i < 20; i++)
            {
                client.sendRaw("{\"t\":\"nonsense\",\"seq\":" + (i + 1) + "}");
                client.next("error");
            }
            assertThat(client.closed()).as("20 are allowed").isFalse();
            client.sendRaw("{\"t\":\"nonsense\",\"seq\":21}");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void shouldCloseWith1008WhenTheRateLimitIsExceededForLong() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.messagesPerSecond(10).messageBurst(10).rateLimitCloseMs(1_000));
             TestClient client = server.connect())
        {
            client.hello(null);
            final long end = System.nanoTime() + 3_000_000_000L;
            while (!client.closed() && System.nanoTime() < end)
            {
                client.send("active");
                Thread.sleep(5);
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void shouldAcceptAMessageOfExactly4096BytesAndClose4097With1009() throws Exception
    {
        try (TestServer server = new TestServer(dir); TestClient client = server.connect())
        {
            client.hello(null);
            client.sendRaw(padded(4096, 1));
            client.awaitAck(1);
            client.setSeq(1);
            client.sendRaw(padded(4097, 2));
            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void shouldCountAFragmentedMessageAfterJoiningIt() throws Exception
    {
        try (TestServer server = new TestServer(dir); RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws?site=test", "Origin: http://localhost"))
        {
            raw.text("{\"t\":\"hello\",\"v\":1}");
            final byte[] message = padded(4097, 1).getBytes(StandardCharsets.UTF_8);
            raw.frame(false, 0, RawWebSocket.OP_TEXT, java.util.Arrays.copyOfRange(message, 0, 2048), true);
            raw.frame(true, 0, RawWebSocket.OP_CONTINUATION, java.util.Arrays.copyOfRange(message, 2048, 4097), true);
            assertThat(raw.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void shouldRefuseNewSessionsWith1013WhenTheSessionMapIsFull() throws Exception
    {
        try (TestServer server = new TestServer(dir, builder -> builder.expectedSessions(2));
             TestClient first = server.connect();
             TestClient second = server.connect();
             TestClient third = server.connect())
        {
            first.hello(null);
            second.hello(null);
            third.sendRaw("{\"t\":\"hello\",\"v\":1}");
            assertThat(third.awaitClose()).isEqualTo(1013);
            first.send("active");
            first.awaitAck(1);
            try (TestClient resumed = server.connect())
            {
                assertThat(resumed.hello(second.sid()).get("resumed").asBoolean()).as("existing sessions keep working").isTrue();
            }
        }
    }

    /** A valid active message padded with an ignored field to exactly {@code bytes} bytes. */
    static String padded(final int bytes, final long seq)
    {
        final String head = "{\"t\":\"active\",\"seq\":" + seq + ",\"pad\":\"";
        return head + "x".repeat(bytes - head.length() - 2) + "\"}";
    }
}
