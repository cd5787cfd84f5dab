package dev.pulse.server.e2e;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error code of docs/protocol.md, produced by the input that should produce it. */
@Timeout(60)
class ErrorCodesEndToEndTest
{
    @TempDir
    Path dir;

    private TestServer server;
    private TestClient client;

    @BeforeEach
    void start() throws Exception
    {
        server = new TestServer(dir, builder -> builder.messagesPerSecond(20).messageBurst(20).rateLimitCloseMs(60_000));
        client = server.connect();
        client.hello(null);
    }

    @AfterEach
    void stop() throws Exception
    {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"t\":\"page\",\"seq\":1,\"url\":\"/pricing\" | bad_json | 1",
        "{\"t\":\"active\",\"seq\":1}{\"t\":\"active\",\"seq\":2} | bad_json | 1",
        "not json at all | bad_json | -1",
        "[1,2,3] | bad_message | -1",
        "{\"t\":\"page\",\"seq\":1,\"nav\":\"back\"} | bad_message | 1",
        "{\"t\":\"page\",\"seq\":1,\"url\":\"/a\",\"nav\":\"sideways\"} | bad_message | 1",
        "{\"t\":\"search\",\"seq\":1,\"results\":-3} | bad_message | 1",
        "{\"t\":\"click\",\"seq\":1,\"target\":\"a\",\"x\":\"1\",\"y\":2} | bad_message | 1",
        "{\"t\":\"active\",\"seq\":1,\"seq\":2} | bad_message | 1",
        "{\"t\":\"active\"} | bad_message | -1",
        "{\"t\":\"active\",\"seq\":0} | bad_message | 0",
        "{\"t\":\"active\",\"seq\":99999999999999999999999} | bad_message | -1",
        "{\"t\":\"teleport\",\"seq\":1} | unknown_type | 1",
        "{\"seq\":1} | bad_message | 1",
    })
    void shouldRejectWithTheNamedCode(final String message, final String code, final long seq) throws Exception
    {
        client.sendRaw(message);
        final JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        if (seq >= 0)
        {
            assertThat(error.get("seq").asLong()).as("the readable seq is echoed").isEqualTo(seq);
        }
        else
        {
            assertThat(error.has("seq")).as("no readable seq, none echoed").isFalse();
        }
        assertThat(error.get("msg").asText()).isNotBlank().doesNotContain("teleport").doesNotContain("pricing");
        client.send("active");
        assertThat(client.closed()).as("the connection stays open").isFalse();
    }

    @Test
    void shouldRejectASecondHello() throws Exception
    {
        client.sendRaw("{\"t\":\"hello\",\"v\":1}");
        assertThat(client.next("error").get("code").asText()).isEqualTo("bad_message");
    }

    @Test
    void shouldHandleAGapButReportItOutOfOrder() throws Exception
    {
        client.send("active");
        client.setSeq(5);
        final long seq = client.send("active");
        final JsonNode error = client.next("error");
        assertThat(error.get("code").asText()).isEqualTo("out_of_order");
        assertThat(error.get("seq").asLong()).isEqualTo(seq);
        client.awaitAck(seq);
    }

    @Test
    void shouldReportUnknownInterventionsAndChoices() throws Exception
    {
        client.send("answer", "iid", "999", "choice", "team-size");
        assertThat(client.next("error").get("code").asText()).isEqualTo("unknown_intervention");
        client.send("dismiss", "iid", "not-a-number");
        assertThat(client.next("error").get("code").asText()).isEqualTo("unknown_intervention");

        client.send("search", "q", "lamp", "results", 0);
        client.send("search", "q", "lamps", "results", 0);
        final JsonNode question = client.next("question");
        client.send("answer", "iid", question.get("iid").asText(), "choice", "no-such-choice");
        assertThat(client.next("error").get("code").asText()).isEqualTo("unknown_choice");
        client.send("answer", "iid", question.get("iid").asText(), "choice", "gift");
        assertThat(client.next("response").get("choice").asText()).as("the question stayed open").isEqualTo("gift");
    }

    @Test
    void shouldDropMessagesOverTheRateWithRateLimited() throws Exception
    {
        for (int i = 0; i < 60; i++)
        {
            client.send("active");
        }
        assertThat(client.next("error").get("code").asText()).isEqualTo("rate_limited");
        assertThat(client.closed()).isFalse();
    }

    /** Pings take from the same budget as messages: a ping flood is rate limited, not answered pong for pong. */
    @Test
    void shouldRateLimitAPingFlood() throws Exception
    {
        try (RawWebSocket raw = RawWebSocket.open(server.port()))
        {
            raw.text("{\"t\":\"hello\",\"v\":1}");
            assertThat(raw.nextText("welcome")).isNotNull();
            final int pings = 200;
            for (int i = 0; i < pings; i++)
            {
                raw.frame(true, 0, RawWebSocket.OP_PING, new byte[] {7}, true);
            }
            int pongs = 0;
            String rateLimited = null;
            for (RawWebSocket.Frame frame = raw.next(); frame != null && rateLimited == null; frame = raw.next())
            {
                if (frame.opcode() == 0xA)
                {
                    pongs++;
                }
                else if (frame.opcode() == RawWebSocket.OP_TEXT && frame.text().contains("rate_limited"))
                {
                    rateLimited = frame.text();
                }
            }
            assertThat(rateLimited).as("the flood is reported").isNotNull();
            assertThat(pongs).as("pings over the burst are not answered").isLessThan(pings);
            assertThat(server.server().metrics().internalErrors()).isZero();
        }
    }
}
