package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol end to end: a real server on a real socket, driven like a browser would. */
@Timeout(60)
class ProtocolEndToEndTest
{
    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void start() throws Exception
    {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() throws Exception
    {
        server.close();
    }

    /** Three back-navigations between pricing and the FAQ within the window. */
    @Test
    void shouldAskExactlyOneQuestionForTheSeedScenario() throws Exception
    {
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(null);
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
            assertThat(welcome.get("seq").asLong()).isZero();
            assertThat(welcome.get("sid").asText()).matches("[0-9a-f]{32}");

            client.backAndForth();
            final JsonNode question = client.next("question");
            assertThat(question.get("qid").asText()).isEqualTo("hard-to-decide");
            assertThat(question.get("text").asText()).isEqualTo("What's making this hard to decide?");
            assertThat(question.get("iid").isTextual()).isTrue();
            assertThat(question.get("choices")).hasSize(3);
            assertThat(question.get("choices").get(0).get("id").asText()).isEqualTo("team-size");
            assertThat(question.get("choices").get(0).get("label").asText()).isEqualTo("I'm not sure which plan fits my team size");

            client.page("/faq/plans", "forward");
            client.page("/pricing", "back");
            client.page("/faq/plans", "forward");
            client.page("/pricing", "back");
            client.page("/faq/plans", "forward");
            client.page("/pricing", "back");
            client.assertNoQuestion(500);
        }
    }

    @Test
    void shouldAnswerWithTheRoutedResponse() throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.backAndForth();
            final JsonNode question = client.next("question");
            final long answerSeq = client.send("answer", "iid", question.get("iid").asText(), "choice", "team-size");
            final JsonNode response = client.next("response");
            assertThat(response.get("iid").asText()).isEqualTo(question.get("iid").asText());
            assertThat(response.get("choice").asText()).isEqualTo("team-size");
            assertThat(response.get("title").asText()).isEqualTo("Plans by team size");
            assertThat(response.get("body").asText()).isEqualTo("**Starter** up to 5, **Team** up to 50.");
            assertThat(response.get("cta").get("url").asText()).isEqualTo("/pricing#compare");
            client.awaitAck(answerSeq);

            client.send("answer", "iid", question.get("iid").asText(), "choice", "price");
            final JsonNode error = client.next("error");
            assertThat(error.get("code").asText()).as("already answered").isEqualTo("unknown_intervention");
        }
    }

    @Test
    void shouldAckCumulativelyAndIgnoreResentDuplicates() throws Exception
    {
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.send("active");
            client.send("active");
            final long third = client.send("active");
            client.awaitAck(third);
            client.setSeq(1);
            final long resent = client.send("active");
            assertThat(resent).isEqualTo(2);
            final List<JsonNode> after = client.drain(300);
            assertThat(after).as("a duplicate is never an error").noneMatch(m -> m.get("t").asText().equals("error"));
            assertThat(after).as("a duplicate is acked with the session's last seq, though nothing new was handled")
                .anySatisfy(m ->
                {
                    assertThat(m.get("t").asText()).isEqualTo("ack");
                    assertThat(m.get("seq").asLong()).isEqualTo(third);
                });
        }
    }

    @Test
    void shouldAckAResendOnANewConnectionThatHandlesNothingNew() throws Exception
    {
        final String sid;
        final long last;
        try (TestClient first = server.connect())
        {
            sid = first.hello(null).get("sid").asText();
            first.send("active");
            last = first.send("active");
            first.awaitAck(last);
        }
        try (TestClient second = server.connect())
        {
            assertThat(second.hello(sid).get("seq").asLong()).isEqualTo(last);
            // A client that lost the ack resends what it believes unacked: only duplicates.
            second.setSeq(last - 1);
            second.send("active");
            second.awaitAck(last);
        }
    }

    @Test
    void shouldResumeASessionOnANewConnectionWithItsCounters() throws Exception
    {
        final String sid;
        final long lastSeq;
        try (TestClient first = server.connect())
        {
            first.hello(null);
            first.page("/pricing", "navigate");
            first.page("/faq/plans", "navigate");
            first.page("/pricing", "back");
            first.page("/faq/plans", "forward");
            lastSeq = first.send("page", "url", "/pricing", "nav", "back");
            first.awaitAck(lastSeq);
            sid = first.sid();
        }
        try (TestClient second = server.connect())
        {
            final JsonNode welcome = second.hello(sid);
            assertThat(welcome.get("resumed").asBoolean()).isTrue();
            assertThat(welcome.get("sid").asText()).isEqualTo(sid);
            assertThat(welcome.get("seq").asLong()).isEqualTo(lastSeq);
            second.page("/faq/plans", "forward");
            second.page("/pricing", "back");
            assertThat(second.next("question").get("qid").asText()).as("the third back, counted across connections").isEqualTo("hard-to-decide");
        }
    }

    @Test
    void shouldNeverAdoptAClientsOwnSessionId() throws Exception
    {
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello("0123456789abcdef0123456789abcdef");
            assertThat(welcome.get("resumed").asBoolean()).isFalse();
            assertThat(welcome.get("sid").asText()).isNotEqualTo("0123456789abcdef0123456789abcdef");
        }
    }

    @Test
    void shouldResumeAfterARestartWithCountersAndAskedQuestions() throws Exception
    {
        final String sid;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            client.page("/pricing", "navigate");
            client.page("/faq/plans", "navigate");
            client.page("/pricing", "back");
            client.page("/faq/plans", "forward");
            client.awaitAck(client.send("page", "url", "/pricing", "nav", "back"));
            sid = client.sid();
        }
        server.restart();
        try (TestClient client = server.connect())
        {
            final JsonNode welcome = client.hello(sid);
            assertThat(welcome.get("resumed").asBoolean()).isTrue();
            assertThat(welcome.get("seq").asLong()).isEqualTo(5);
            client.page("/faq/plans", "forward");
            client.page("/pricing", "back");
            final JsonNode question = client.next("question");
            client.send("answer", "iid", question.get("iid").asText(), "choice", "browsing");
            client.next("response");
        }
        server.restart();
        try (TestClient client = server.connect())
        {
            client.hello(sid);
            client.backAndForth();
            client.assertNoQuestion(500);
        }
    }

    @Test
    void shouldCloseTheOlderConnectionWhenTheSessionResumesElsewhere() throws Exception
    {
        try (TestClient first = server.connect(); TestClient second = server.connect())
        {
            first.hello(null);
            second.hello(first.sid());
            assertThat(first.awaitClose()).isEqualTo(4001);
            second.send("active");
            assertThat(second.closed()).isFalse();
        }
    }

    @Test
    void shouldJournalEveryRecordInOrder() throws Exception
    {
        final String sid;
        try (TestClient client = server.connect())
        {
            client.hello(null);
            sid = client.sid();
            client.backAndForth();
            final JsonNode question = client.next("question");
            client.send("answer", "iid", question.get("iid").asText(), "choice", "team-size");
            client.next("response");
        }
        server.close();
        final List<String> types = new ArrayList<>();
        final List<String> sessionTypes = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(server.dataDir().resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                types.add(record.type().wireName());
                if (dev.pulse.server.session.SessionId.toString(record.sidHi(), record.sidLo()).equals(sid))
                {
                    sessionTypes.add(record.type().wireName() + (record.type().wireName().equals("signal") ? ":" + record.string("verdict") : ""));
                }
            }
        }
        assertThat(types.get(0)).isEqualTo("catalog_reload");
        assertThat(sessionTypes).containsExactly("session_start", "signal:shown", "question_shown", "answer", "response_shown");
        server.start();
    }
}
