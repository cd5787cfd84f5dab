package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.Hash64;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.SessionStartKind;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.carry.CarryCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes sharing a cluster key: a visitor asked on one goes to the other with the carry the
 * first gave it, and the governor's promises hold there (never the same question twice, the cap,
 * the cooldown after any question, silence after a dismiss); a node that comes back with a stale
 * record of the session takes the newer carry and never shows its old question again; a forged or
 * foreign carry gives nothing; without the key nothing changes.
 */
@Timeout(120)
class CarryEndToEndTest
{
    private static final String KEY_HEX = "ab".repeat(32);
    private static final String OPEN_POLICY =
        "policy: { cooldown: 0s, max_questions_per_session: 8, page_grace: 0s, holdout: 0%, silent_after_dismiss: false }";

    @TempDir
    Path dir;

    private TestServer node(final String name, final String policy, final boolean withKey) throws Exception
    {
        final Path key = dir.resolve("cluster.key");
        if (!Files.exists(key))
        {
            Files.writeString(key, KEY_HEX + "\n");
        }
        final UnaryOperator<String> catalog = text -> text.replace(OPEN_POLICY, policy);
        return new TestServer(dir.resolve(name), builder -> withKey ? builder.clusterKeyFile(key) : builder, catalog);
    }

    private static String policy(final String cooldown, final int cap, final boolean silentAfterDismiss)
    {
        return "policy: { cooldown: " + cooldown + ", max_questions_per_session: " + cap + ", page_grace: 0s, holdout: 0%, " +
            "silent_after_dismiss: " + silentAfterDismiss + " }";
    }

    /** Two failed searches: the e2e catalog's "cant-find". */
    static long failedSearches(final TestClient client) throws Exception
    {
        client.send("search", "q", "lamp", "results", 0);
        return client.send("search", "q", "lamp", "results", 0);
    }

    /** The messages up to the ack of {@code seq}: the questions among them. */
    static List<JsonNode> questionsUntil(final TestClient client, final long seq) throws Exception
    {
        return client.untilAck(seq).stream().filter(m -> m.get("t").asText().equals("question")).toList();
    }

    /** The newest carry the client was given. */
    private String carry;

    /** On node A: hello, the back-and-forth that asks "hard-to-decide", then {@code reply} (answer, dismiss or nothing). */
    private TestClient askedOnA(final TestServer a, final String reply) throws Exception
    {
        final TestClient client = a.connect();
        client.hello(null);
        carry = client.nextCarry();
        client.backAndForth();
        final JsonNode question = client.next("question");
        assertThat(question.get("qid").asText()).isEqualTo("hard-to-decide");
        carry = client.nextCarry();
        if (!reply.isEmpty())
        {
            client.untilAck(reply.equals("answer") ? client.send("answer", "iid", question.get("iid").asText(), "choice", "browsing") :
                client.send("dismiss", "iid", question.get("iid").asText()));
            carry = client.nextCarry();
        }
        client.awaitAck(client.send("active"));
        return client;
    }

    /** The client leaves its node and says hello on {@code to} with its carry: the session is adopted there. */
    private TestClient moveTo(final TestServer to, final TestClient from) throws Exception
    {
        final String sid = from.sid();
        final long acked = from.highestAcked();
        from.close();
        final TestClient client = to.connect();
        final JsonNode welcome = client.helloCarrying(sid, carry, acked);
        assertThat(welcome.get("sid").asText()).as("the carried session").isEqualTo(sid);
        assertThat(welcome.get("resumed").asBoolean()).isTrue();
        assertThat(welcome.get("seq").asLong()).as("the client resends exactly what was not acked").isEqualTo(acked);
        carry = client.nextCarry();
        return client;
    }

    @Test
    void shouldNeverAskTheSameQuestionTwiceAcrossNodesAndJournalOneCarriedSession() throws Exception
    {
        final String sid;
        try (TestServer a = node("a", OPEN_POLICY, true); TestServer b = node("b", OPEN_POLICY, true))
        {
            final TestClient onA = askedOnA(a, "answer");
            sid = onA.sid();
            try (TestClient onB = moveTo(b, onA))
            {
                onB.backAndForth();
                assertThat(questionsUntil(onB, onB.send("active"))).as("hard-to-decide was asked on A").isEmpty();
                final List<JsonNode> asked = questionsUntil(onB, failedSearches(onB));
                assertThat(asked).as("B still asks what A did not").hasSize(1);
                assertThat(asked.get(0).get("qid").asText()).isEqualTo("cant-find");
                assertThat(asked.get(0).get("iid").asText()).as("numbering goes on from A's").isEqualTo("2");
            }
            assertThat(b.metric("pulse_carry_taken_total{how=\"adopted\"}")).isEqualTo(1);
        }
        final List<JsonNode> starts = JournalFile.records(dir.resolve("b").resolve("data"), JournalRecordType.SESSION_START);
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).get("sid").asText()).isEqualTo(sid);
        assertThat(starts.get(0).get("code").asInt()).as("carried, not new").isEqualTo(SessionStartKind.CARRIED.ordinal());
    }

    @Test
    void shouldKeepTheCapAcrossNodes() throws Exception
    {
        try (TestServer a = node("a", policy("0s", 1, false), true); TestServer b = node("b", policy("0s", 1, false), true))
        {
            try (TestClient onB = moveTo(b, askedOnA(a, "answer")))
            {
                assertThat(questionsUntil(onB, failedSearches(onB))).as("one question a session, asked on A").isEmpty();
            }
        }
    }

    @Test
    void shouldKeepTheCooldownAfterAnyQuestionAcrossNodes() throws Exception
    {
        try (TestServer a = node("a", policy("10m", 8, false), true); TestServer b = node("b", policy("10m", 8, false), true))
        {
            try (TestClient onB = moveTo(b, askedOnA(a, "answer")))
            {
                assertThat(questionsUntil(onB, failedSearches(onB))).as("10 minutes after A's question").isEmpty();
            }
        }
    }

    @Test
    void shouldStaySilentAfterADismissAcrossNodes() throws Exception
    {
        try (TestServer a = node("a", policy("0s", 8, true), true); TestServer b = node("b", policy("0s", 8, true), true))
        {
            try (TestClient onB = moveTo(b, askedOnA(a, "dismiss")))
            {
                assertThat(questionsUntil(onB, failedSearches(onB))).as("dismissed on A").isEmpty();
            }
        }
    }

    @Test
    void shouldCloseTheStaleNodesOpenQuestionWhenTheVisitorComesBackWithANewerCarry() throws Exception
    {
        try (TestServer a = node("a", OPEN_POLICY, true); TestServer b = node("b", OPEN_POLICY, true))
        {
            // A asks and the visitor leaves with the question open: A's record keeps it open.
            final TestClient onA = askedOnA(a, "");
            final TestClient onB = moveTo(b, onA);
            final List<JsonNode> asked = questionsUntil(onB, failedSearches(onB));
            assertThat(asked).extracting(m -> m.get("qid").asText()).containsExactly("cant-find");
            carry = onB.nextCarry();
            try (TestClient back = moveTo(a, onB))
            {
                assertThat(a.metric("pulse_carry_taken_total{how=\"superseded\"}")).isEqualTo(1);
                final long answer = back.send("answer", "iid", "1", "choice", "browsing");
                assertThat(back.next("error").get("code").asText()).as("A's old question is closed").isEqualTo("unknown_intervention");
                back.awaitAck(answer);
                back.backAndForth();
                assertThat(questionsUntil(back, back.send("active"))).as("asked on A before").isEmpty();
                assertThat(questionsUntil(back, failedSearches(back))).as("asked on B meanwhile").isEmpty();
            }
        }
    }

    @Test
    void shouldGiveNothingForAForgedOrForeignCarryAndNotTakeItsSid() throws Exception
    {
        try (TestServer a = node("a", OPEN_POLICY, true); TestServer b = node("b", OPEN_POLICY, true))
        {
            final TestClient onA = askedOnA(a, "answer");
            final String sid = onA.sid();
            onA.close();
            final String forged = carry.substring(0, carry.length() - 2) + (carry.endsWith("AA") ? "BA" : "AA");
            final String foreign = sealed(SigningKey.parseOrNull(KEY_HEX), sid, Hash64.of("another-site"));
            final String otherCluster = sealed(SigningKey.parseOrNull("cd".repeat(32)), sid, Hash64.of("test"));
            for (final String bad : List.of(forged, foreign, otherCluster))
            {
                try (TestClient client = b.connect())
                {
                    final JsonNode welcome = client.helloCarrying(sid, bad, 3);
                    assertThat(welcome.get("sid").asText()).as("a new session, not the carried one").isNotEqualTo(sid);
                    assertThat(welcome.get("resumed").asBoolean()).isFalse();
                    assertThat(welcome.get("seq").asLong()).isZero();
                }
            }
            assertThat(b.metric("pulse_carry_ignored_total{reason=\"bad_mac\"}")).isEqualTo(2);
            assertThat(b.metric("pulse_carry_ignored_total{reason=\"other_site\"}")).isEqualTo(1);
            assertThat(b.metric("pulse_carry_taken_total{how=\"adopted\"}")).isZero();
        }
    }

    @Test
    void shouldChangeNothingWithoutAClusterKey() throws Exception
    {
        try (TestServer a = node("a", OPEN_POLICY, false); TestServer b = node("b", OPEN_POLICY, false))
        {
            final TestClient onA = a.connect();
            onA.hello(null);
            onA.backAndForth();
            assertThat(onA.next("question").get("qid").asText()).isEqualTo("hard-to-decide");
            onA.awaitAck(onA.send("active"));
            assertThat(onA.latestCarry()).as("no carry is issued").isNull();
            final String sid = onA.sid();
            onA.close();
            try (TestClient onB = b.connect())
            {
                final JsonNode welcome = onB.helloCarrying(sid, sealed(SigningKey.parseOrNull(KEY_HEX), sid, Hash64.of("test")), 7);
                assertThat(welcome.get("sid").asText()).isNotEqualTo(sid);
                assertThat(welcome.get("resumed").asBoolean()).isFalse();
            }
            assertThat(b.server().metrics().prometheusText()).doesNotContain("pulse_carry_");
        }
    }

    /** A carry sealed outside any node: for session {@code sid}, the site of {@code siteHash}, under {@code key}. */
    private static String sealed(final SigningKey key, final String sid, final long siteHash)
    {
        final CarryCodec codec = new CarryCodec(key);
        codec.payload().header(Long.parseUnsignedLong(sid.substring(0, 16), 16), Long.parseUnsignedLong(sid.substring(16), 16), siteHash,
            Long.MAX_VALUE / 2, System.currentTimeMillis());
        final byte[] text = new byte[CarryCodec.MAX_TEXT];
        return new String(text, 0, codec.seal(text, 0), StandardCharsets.US_ASCII);
    }
}
