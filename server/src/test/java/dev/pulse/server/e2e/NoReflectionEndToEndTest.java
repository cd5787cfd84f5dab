package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing from an event is ever reflected back: a client puts markup in every string field it can
 * send (and in field names, unknown types and broken JSON), and no message the server sends, not
 * the welcome, the acks, the errors, the question or the response, carries any of it. Pushes carry
 * catalog text only.
 */
@Timeout(60)
class NoReflectionEndToEndTest
{
    private static final String MARK = "pulse-xss";
    private static final String PAYLOAD = "\"><script>alert('" + MARK + "')</script><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private static boolean isQuestion(final JsonNode message)
    {
        return message.get("t").asText().equals("question");
    }

    @Test
    void shouldNeverSendBackAnythingAClientSent() throws Exception
    {
        final List<JsonNode> seen = new ArrayList<>();
        try (TestServer server = new TestServer(dir);
            TestClient client = server.connect())
        {
            final ObjectNode hello = TestClient.JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", "/" + PAYLOAD);
            hello.putObject("ctx").put("device", PAYLOAD).put("tier", PAYLOAD).put(PAYLOAD, PAYLOAD);
            hello.put(PAYLOAD, PAYLOAD);
            client.sendRaw(hello.toString());
            final JsonNode welcome = client.next("welcome");
            seen.add(welcome);
            client.setSeq(welcome.get("seq").asLong());

            client.send("page", "url", "/" + PAYLOAD, "nav", "navigate");
            client.send("page", "url", "/search", "nav", PAYLOAD);
            client.page("/search", "navigate");
            client.send("click", "target", PAYLOAD, "x", 1, "y", 2);
            client.send("form_error", "form", PAYLOAD, "field", PAYLOAD);
            client.send("visibility", "hidden", PAYLOAD);
            client.send("active", PAYLOAD, PAYLOAD, "ts", PAYLOAD);
            client.send(PAYLOAD);
            client.send("dismiss", "iid", PAYLOAD);
            client.sendRaw("{\"t\":\"active\",\"seq\":" + (client.seq() + 1) + ",\"x\":\"" + PAYLOAD.replace("\"", "\\\"") + "\"");
            // Broken JSON whose seq is still readable uses up that seq, like any rejected message.
            client.setSeq(client.seq() + 1);
            client.sendRaw("{\"t\":\"hello\",\"v\":1,\"sid\":\"" + MARK + "\",\"token\":\"" + MARK + "\"}");
            client.send("search", "q", PAYLOAD, "results", 0);
            seen.addAll(client.untilAck(client.send("search", "q", PAYLOAD + "2", "results", 0)));
            if (seen.stream().noneMatch(NoReflectionEndToEndTest::isQuestion))
            {
                // Pushed once its journal record is written, which may be after the ack.
                seen.add(client.next("question"));
            }
            final JsonNode question = seen.stream().filter(NoReflectionEndToEndTest::isQuestion).findFirst().orElseThrow();
            assertThat(question.get("qid").asText()).isEqualTo("cant-find");
            assertThat(question.get("text").asText()).isEqualTo("What are you looking for?");

            client.send("answer", "iid", question.get("iid").asText(), "choice", PAYLOAD);
            client.send("answer", "iid", PAYLOAD, "choice", "gift");
            client.send("answer", "iid", question.get("iid").asText(), "choice", "gift", PAYLOAD, Map.of(PAYLOAD, PAYLOAD));
            client.send("goal", "name", PAYLOAD);
            seen.addAll(client.untilAck(client.send("active")));
            seen.addAll(client.drain(300));
        }

        assertThat(seen).as("errors were answered, so the payloads reached the server")
            .filteredOn(m -> m.get("t").asText().equals("error")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(seen).filteredOn(m -> m.get("t").asText().equals("response")).singleElement()
            .satisfies(response -> assertThat(response.get("title").asText()).isEqualTo("Take your time"));
        for (final JsonNode message : seen)
        {
            assertThat(message.toString()).as(message.toString())
                .doesNotContain(MARK)
                .doesNotContain("<")
                .doesNotContain(">")
                .doesNotContain("onerror");
        }
    }
}
