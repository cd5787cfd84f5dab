package dev.pulse.server.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.detect.Hash64;
import dev.pulse.detect.governor.HoldoutDraw;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.server.auth.SessionToken;
import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.VisitorId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor-level control group on the real server: a visitor's sessions (tabs, visits) share
 * one arm, every trigger of a control visitor is held out, the journal's SESSION_START carries the
 * visitor's hash, a resumed session keeps its visitor, a signed token's visitor claim wins, and a
 * malformed {@code vid} is refused with bad_message then 1008.
 */
@Timeout(60)
class VisitorHoldoutEndToEndTest
{
    static final String HALF_PER_VISITOR = "holdout: 50%, holdout_unit: visitor";
    private static final int HALF = 500_000;

    @TempDir
    Path dir;

    /** The e2e catalog with half of all visitors held out. */
    static String halfHeldOut(final String catalog)
    {
        return catalog.replace("holdout: 0%", HALF_PER_VISITOR);
    }

    /** The first "visitor-N" the draw puts in the control group ({@code control}) or not. */
    static String visitorIn(final boolean control)
    {
        for (int i = 1; ; i++)
        {
            final String vid = "visitor-" + i;
            if (HoldoutDraw.isVisitorHoldout(Hash64.visitor(vid), HALF) == control)
            {
                return vid;
            }
        }
    }

    /** Signals both of the catalog's triggers; returns what came back up to the ack of the last event. */
    private static List<JsonNode> stuckTwice(final TestClient client) throws Exception
    {
        client.page("/search", "navigate");
        client.send("search", "q", "lamp", "results", 0);
        client.send("search", "q", "lamps", "results", 0);
        client.backAndForth();
        return client.untilAck(client.seq());
    }

    private static long questions(final List<JsonNode> messages)
    {
        return messages.stream().filter(m -> m.get("t").asText().equals("question")).count();
    }

    private static Map<String, List<String>> verdictsBySid(final Path dataDir) throws Exception
    {
        return JournalFile.records(dataDir, JournalRecordType.SIGNAL).stream().collect(Collectors.groupingBy(
            r -> r.get("sid").asText(), Collectors.mapping(r -> r.get("verdict").asText(), Collectors.toList())));
    }

    private static Map<String, List<Long>> visitorsBySid(final Path dataDir) throws Exception
    {
        return JournalFile.records(dataDir, JournalRecordType.SESSION_START).stream().collect(Collectors.groupingBy(
            r -> r.get("sid").asText(), Collectors.mapping(r -> r.get("value").asLong(), Collectors.toList())));
    }

    @Test
    void shouldPutEverySessionOfAVisitorInOneArm() throws Exception
    {
        final String control = visitorIn(true);
        final String treated = visitorIn(false);
        final TestServer server = new TestServer(dir, builder -> builder, VisitorHoldoutEndToEndTest::halfHeldOut);
        final String[] controlSids = new String[2];
        final String[] treatedSids = new String[2];
        // Two tabs of each visitor, open together: two sessions each.
        try (TestClient c1 = server.connect().vid(control); TestClient c2 = server.connect().vid(control);
             TestClient t1 = server.connect().vid(treated); TestClient t2 = server.connect().vid(treated))
        {
            final TestClient[] controls = {c1, c2};
            final TestClient[] treateds = {t1, t2};
            for (int tab = 0; tab < 2; tab++)
            {
                controlSids[tab] = controls[tab].hello(null).get("sid").asText();
                treatedSids[tab] = treateds[tab].hello(null).get("sid").asText();
                assertThat(questions(stuckTwice(controls[tab]))).as("a control visitor's tab %d is shown nothing", tab).isZero();
                assertThat(questions(stuckTwice(treateds[tab]))).as("a treated visitor's tab %d is asked by both triggers", tab)
                    .isEqualTo(2);
            }
        }
        server.close();

        assertThat(controlSids[0]).isNotEqualTo(controlSids[1]);
        final Map<String, List<String>> verdicts = verdictsBySid(server.dataDir());
        final Map<String, List<Long>> visitors = visitorsBySid(server.dataDir());
        for (int tab = 0; tab < 2; tab++)
        {
            assertThat(verdicts.get(controlSids[tab])).as("every trigger held out").containsExactly("holdout", "holdout");
            assertThat(verdicts.get(treatedSids[tab])).containsExactly("shown", "shown");
            assertThat(visitors.get(controlSids[tab])).containsExactly(Hash64.visitor(control));
            assertThat(visitors.get(treatedSids[tab])).containsExactly(Hash64.visitor(treated));
        }
    }

    @Test
    void shouldKeepTheVisitorASessionStartedWithWhenItResumes() throws Exception
    {
        final TestServer server = new TestServer(dir);
        final String sid;
        try (TestClient first = server.connect().vid("first-visitor"))
        {
            sid = first.hello(null).get("sid").asText();
        }
        try (TestClient again = server.connect().vid("another-visitor"); TestClient anonymous = server.connect())
        {
            assertThat(again.hello(sid).get("resumed").asBoolean()).isTrue();
            anonymous.hello(null);
        }
        server.close();

        final Map<String, List<Long>> visitors = visitorsBySid(server.dataDir());
        assertThat(visitors.get(sid)).containsExactly(Hash64.visitor("first-visitor"), Hash64.visitor("first-visitor"));
        assertThat(visitors).as("a hello without vid: 0, the session stands for its visitor").containsValue(List.of(0L));
    }

    @Test
    void shouldRefuseAMalformedVidWithBadMessageThen1008() throws Exception
    {
        try (TestServer server = new TestServer(dir))
        {
            for (final String vid : new String[] {"", "has space", "dot.ted", "x".repeat(VisitorId.MAX_LENGTH + 1), "é"})
            {
                try (TestClient client = server.connect().vid(vid))
                {
                    client.sendHello(null, null);
                    assertThat(client.awaitClose()).as("vid '%s'", vid).isEqualTo(1008);
                    final List<JsonNode> received = client.drain(50);
                    assertThat(received).as("the error alone").hasSize(1);
                    assertThat(received.get(0).get("code").asText()).isEqualTo("bad_message");
                    assertThat(received.get(0).get("msg").asText()).isEqualTo(VisitorId.RULE);
                }
            }
            try (TestClient longest = server.connect().vid("A-z_9".repeat(12) + "abcd"))
            {
                assertThat(longest.hello(null).get("sid").asText()).as("64 characters are a visitor id").hasSize(32);
            }
        }
    }

    @Test
    void shouldLetASignedVisitorClaimWinOverTheSnippetsVid() throws Exception
    {
        final SigningKey key = SigningKey.parseOrNull("8f1c2b7a90d4e35612ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90");
        final long expires = System.currentTimeMillis() / 1000 + 600;
        final String claimed = "5f0c1a2b3c4d5e6f708192a3b4c5d6e7";
        final String unclaimed = "6f0c1a2b3c4d5e6f708192a3b4c5d6e7";
        final TestServer server = new TestServer(dir, builder -> builder.signingKey(key));
        try (TestClient withClaim = server.connect().vid("snippet-id"); TestClient withoutClaim = server.connect().vid("snippet-id"))
        {
            withClaim.hello(null, SessionToken.mint(key, "test", claimed, expires, "account-42"));
            withoutClaim.hello(null, SessionToken.mint(key, "test", unclaimed, expires));
        }
        server.close();

        final Map<String, List<Long>> visitors = visitorsBySid(server.dataDir());
        assertThat(visitors.get(claimed)).containsExactly(Hash64.visitor("account-42"));
        assertThat(visitors.get(unclaimed)).as("a token without a claim stays valid").containsExactly(Hash64.visitor("snippet-id"));
    }
}
