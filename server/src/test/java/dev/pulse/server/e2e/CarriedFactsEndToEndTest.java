package dev.pulse.server.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.carry.CarryCodec;
import dev.pulse.server.carry.CarryTail;

import static dev.pulse.server.e2e.CarryEndToEndTest.failedSearches;
import static dev.pulse.server.e2e.CarryEndToEndTest.questionsUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's facts carried between two real nodes sharing a cluster key (the carry's tail): the
 * backend's trusted context holds against the page's values on the next node, for a
 * {@code trusted: true} number condition and a response's template; a goal reached on one node makes
 * {@code goal_reached} true on the other; a "Did this help?" answered on the next node for a response
 * shown on the first is taken once, and neither node takes it again; the longest carry rides in a
 * hello under the default message limit.
 */
@Timeout(120)
class CarriedFactsEndToEndTest
{
    private static final String KEY_HEX = "ab".repeat(32);
    private static final String SECRET = "carry-e2e-ingest-secret-0123456789";
    private static final String ORIGINS = "  origins: [http://localhost, http://127.0.0.1]";
    private static final String SEARCH_TRIGGER = "    thresholds: { searches: 2, window: 10s }\n    question: cant-find";
    private static final String TRUSTED_TEAM = "{ trusted: true, number: { team_size: { at_least: 6 } } }";

    @TempDir
    Path dir;

    /** The newest carry the client was given. */
    private String carry;

    /** A node with the cluster key and an ingest key; its failed-search trigger asks only {@code when} holds (none: always). */
    private TestServer node(final String name, final String when) throws Exception
    {
        final Path key = dir.resolve("cluster.key");
        final Path ingest = dir.resolve("ingest.keys");
        if (!Files.exists(key))
        {
            Files.writeString(key, KEY_HEX + "\n");
            Files.writeString(ingest, "test shop-backend " + SECRET + "\n");
        }
        return new TestServer(dir.resolve(name), builder -> builder.clusterKeyFile(key).ingestKeysFile(ingest), catalog -> catalog
            .replace(ORIGINS, ORIGINS + "\n  context_keys: [first_name]\n  feedback: true")
            .replace(SEARCH_TRIGGER, when == null ? SEARCH_TRIGGER : SEARCH_TRIGGER.replace("    question:", "    when: " + when + "\n    question:"))
            .replace("    title: Take your time\n", "    title: \"Take your time, {{first_name|friend}}\"\n"));
    }

    /** The client leaves its node and says hello on {@code to} with its carry and the page's {@code ctx}: the session is carried there. */
    private TestClient moveTo(final TestServer to, final TestClient from, final Map<String, String> ctx) throws Exception
    {
        final String sid = from.sid();
        final long acked = from.highestAcked();
        from.close();
        final TestClient client = to.connect();
        final JsonNode welcome = client.helloCarrying(sid, carry, acked, ctx, "/");
        assertThat(welcome.get("sid").asText()).as("the carried session").isEqualTo(sid);
        assertThat(welcome.get("resumed").asBoolean()).isTrue();
        carry = client.nextCarry();
        return client;
    }

    /** Everything the client was sent up to the ack of a fresh message is in; the newest carry among it is kept. */
    private void settle(final TestClient client) throws Exception
    {
        client.awaitAck(client.send("active"));
        final String latest = client.latestCarry();
        if (latest != null)
        {
            carry = latest;
        }
    }

    @Test
    void shouldKeepTheBackendsTrustedContextAgainstThePagesOnTheNextNodeForConditionsAndTemplates() throws Exception
    {
        try (TestServer a = node("a", TRUSTED_TEAM); TestServer b = node("b", TRUSTED_TEAM))
        {
            final TestClient onA = a.connect();
            onA.hello(null);
            final IngestClient.Answer posted = new IngestClient(a.port(), "test", "shop-backend", SECRET)
                .post(IngestClient.body(onA.sid(), "context", null, "{\"team_size\":12,\"first_name\":\"Zoë\"}"));
            assertThat(posted.status()).isEqualTo(202);
            settle(onA);
            assertThat(carry).as("a fresh carry after the backend's context").startsWith("c2.");
            assertPageReadsNothingOfTheBackendsContext(carry);
            try (TestClient onB = moveTo(b, onA, Map.of("team_size", "2", "first_name", "Mallory")))
            {
                final List<JsonNode> asked = questionsUntil(onB, failedSearches(onB));
                assertThat(asked).as("trusted team_size 12 holds on B, whatever the page says").hasSize(1);
                onB.send("answer", "iid", asked.get(0).get("iid").asText(), "choice", "product");
                assertThat(onB.next("response").get("title").asText()).as("the backend's name, not the page's")
                    .isEqualTo("Take your time, Zoë");
            }
            try (TestClient stranger = b.connect())
            {
                stranger.hello(null);
                assertThat(questionsUntil(stranger, failedSearches(stranger))).as("no trusted team size: no question").isEmpty();
            }
        }
    }

    @Test
    void shouldMakeAGoalReachedOnOneNodeTrueOnTheNext() throws Exception
    {
        try (TestServer a = node("a", "{ goal_reached: signup }"); TestServer b = node("b", "{ goal_reached: signup }"))
        {
            final TestClient onA = a.connect();
            onA.hello(null);
            onA.awaitAck(onA.send("goal", "name", "signup"));
            settle(onA);
            try (TestClient onB = moveTo(b, onA, Map.of()))
            {
                final List<JsonNode> asked = questionsUntil(onB, failedSearches(onB));
                assertThat(asked).as("signup was reached on A").extracting(m -> m.get("qid").asText()).containsExactly("cant-find");
            }
            try (TestClient stranger = b.connect())
            {
                stranger.hello(null);
                assertThat(questionsUntil(stranger, failedSearches(stranger))).as("no goal: no question").isEmpty();
            }
        }
    }

    @Test
    void shouldTakeFeedbackOnceAcrossTheMoveAndNeverAgainOnEitherNode() throws Exception
    {
        final String iid;
        try (TestServer a = node("a", null); TestServer b = node("b", null))
        {
            final TestClient onA = a.connect();
            onA.hello(null);
            failedSearches(onA);
            onA.send("answer", "iid", onA.next("question").get("iid").asText(), "choice", "product");
            final JsonNode response = onA.next("response");
            assertThat(response.get("feedback").asBoolean()).isTrue();
            iid = response.get("iid").asText();
            settle(onA);
            final TestClient onB = moveTo(b, onA, Map.of());
            onB.awaitAck(onB.send("feedback", "iid", iid, "helpful", true));
            onB.send("feedback", "iid", iid, "helpful", false);
            assertThat(onB.next("error").get("msg").asText()).as("a second answer, on B").contains("already rated");
            settle(onB);
            try (TestClient back = moveTo(a, onB, Map.of()))
            {
                back.send("feedback", "iid", iid, "helpful", false);
                final JsonNode refused = back.next("error");
                assertThat(refused.get("code").asText()).isEqualTo("unknown_intervention");
                assertThat(refused.get("msg").asText()).as("A's stale record learnt it was rated on B").contains("already rated");
            }
        }
        final List<JsonNode> onB = JournalFile.records(dir.resolve("b").resolve("data"), JournalRecordType.FEEDBACK);
        assertThat(onB).as("taken once, on B").hasSize(1);
        assertThat(onB.get(0).get("iid").asText()).isEqualTo(iid);
        assertThat(JournalFile.records(dir.resolve("a").resolve("data"), JournalRecordType.FEEDBACK)).isEmpty();
    }

    /** The longest carry (every area at its capacity) beside a 1,024-character page path and a context: one hello, under max_message_bytes (4096). */
    @Test
    void shouldCarryTheLongestCarryInAHelloUnderTheMessageLimit() throws Exception
    {
        try (TestServer b = node("b", null))
        {
            final String sid = "0123456789abcdef0123456789abcdef";
            final String longest = longest(sid);
            assertThat(longest).hasSize(CarryCodec.MAX_TEXT);
            try (TestClient client = b.connect())
            {
                final JsonNode welcome = client.helloCarrying(sid, longest, 0, Map.of("device", "d".repeat(200)), "/" + "p".repeat(1023));
                assertThat(welcome.get("sid").asText()).isEqualTo(sid);
                assertThat(welcome.get("resumed").asBoolean()).isTrue();
            }
            assertThat(b.metric("pulse_carry_taken_total{how=\"adopted\"}")).isEqualTo(1);
        }
    }

    /**
     * The mixed cluster: an older node's carry ({@code c1}, no tail) is taken whole by this one, its
     * asked question never shown again; this node's next carry is {@code c2}.
     */
    @Test
    void shouldTakeAnOlderNodesC1Carry() throws Exception
    {
        try (TestServer a = node("a", null); TestServer b = node("b", null))
        {
            final TestClient onA = a.connect();
            onA.hello(null);
            failedSearches(onA);
            final JsonNode question = onA.next("question");
            settle(onA);
            final String sid = onA.sid();
            final long acked = onA.highestAcked();
            onA.close();
            // What a node before the tail wrote: the same facts, without the tail, as c1.
            final CarryCodec older = new CarryCodec(SigningKey.parseOrNull(KEY_HEX));
            assertThat(older.open(carry, Hash64.of("test"), System.currentTimeMillis(), 60_000)).hasToString("VALID");
            final int asked = older.payload().askedKey(0);
            older.payload().header(older.payload().sidHi(), older.payload().sidLo(), Hash64.of("test"), System.currentTimeMillis(),
                System.currentTimeMillis()).lastIid(Integer.parseInt(question.get("iid").asText())).addAsked(asked);
            final byte[] text = new byte[CarryCodec.MAX_TEXT];
            final String c1 = new String(text, 0, older.seal(text, 0), StandardCharsets.US_ASCII);
            assertThat(c1).startsWith("c1.");
            try (TestClient onB = b.connect())
            {
                assertThat(onB.helloCarrying(sid, c1, acked).get("resumed").asBoolean()).isTrue();
                assertThat(onB.nextCarry()).as("B writes c2").startsWith("c2.");
                assertThat(questionsUntil(onB, failedSearches(onB))).as("cant-find was asked on A").isEmpty();
            }
            assertThat(b.metric("pulse_carry_taken_total{how=\"adopted\"}")).isEqualTo(1);
        }
    }

    /**
     * The page keeps the carry and can read none of what the backend said in it: the team size's
     * number, its value's hash, the name's hash and text are in the payload a node opens, and not
     * in the bytes the page holds.
     */
    private static void assertPageReadsNothingOfTheBackendsContext(final String carry)
    {
        final CarryCodec node = new CarryCodec(SigningKey.parseOrNull(KEY_HEX));
        assertThat(node.open(carry, Hash64.of("test"), System.currentTimeMillis(), 60_000)).hasToString("VALID");
        final CarryTail tail = node.payload().tail();
        final byte[] plain = new byte[node.payload().length()];
        tail.buffer().getBytes(0, plain);
        final byte[] wire = java.util.Base64.getUrlDecoder().decode(carry.substring(3));
        final List<byte[]> secrets = List.of(littleEndian(Double.doubleToRawLongBits(12.0)), littleEndian(Hash64.of("12")),
            littleEndian(Hash64.of("Zoë")), "Zoë".getBytes(StandardCharsets.UTF_8));
        for (final byte[] secret : secrets)
        {
            assertThat(indexOf(plain, secret)).as("in the payload: %s", java.util.Arrays.toString(secret)).isNotNegative();
            assertThat(indexOf(wire, secret)).as("in the page's bytes: %s", java.util.Arrays.toString(secret)).isNegative();
        }
    }

    private static byte[] littleEndian(final long value)
    {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length))
            {
                return i;
            }
        }
        return -1;
    }

    /** A carry sealed outside any node with every list full and every text 55 bytes long. */
    private static String longest(final String sid)
    {
        final CarryCodec codec = new CarryCodec(SigningKey.parseOrNull(KEY_HEX));
        final long now = System.currentTimeMillis();
        codec.payload().header(Long.parseUnsignedLong(sid.substring(0, 16), 16), Long.parseUnsignedLong(sid.substring(16), 16),
            Hash64.of("test"), now, now);
        for (int i = 0; i < 8; i++)
        {
            codec.payload().addAsked(1000 + i);
        }
        for (int i = 0; i < 8; i++)
        {
            codec.payload().addTrigger(2000 + i, now - 60_000);
        }
        final CarryTail tail = codec.payload().tail(1);
        final SessionStateFlyweight texts = new SessionStateFlyweight().wrap(new UnsafeBuffer(new byte[SessionStateFlyweight.LENGTH]), 0)
            .init(1, 2, 3, 1);
        for (int i = 0; i < 8; i++)
        {
            tail.addContext(Hash64.of("k" + i), Hash64.of("v" + i), i, true);
        }
        for (int i = 0; i < 8; i++)
        {
            tail.addGoal(Hash64.of("g" + i));
        }
        for (final String key : List.of("first_name", "a", "b"))
        {
            texts.context().putContextText(Hash64.of(key), "x".repeat(55), true);
        }
        for (int slot = 0; slot < 3; slot++)
        {
            tail.addText(texts.context(), slot);
        }
        final byte[] text = new byte[CarryCodec.MAX_TEXT];
        return new String(text, 0, codec.seal(text, 0), StandardCharsets.US_ASCII);
    }
}
