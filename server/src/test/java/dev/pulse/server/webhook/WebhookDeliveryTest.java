package dev.pulse.server.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalRecords;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.RecordingJournalMetrics;
import dev.pulse.journal.TailOffsetFile;
import dev.pulse.journal.TailPosition;
import dev.pulse.server.metrics.Metrics;

import static dev.pulse.server.webhook.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks over a real journal, posting to a real HTTP receiver on loopback that refuses
 * connections, fails, stalls past the client's timeout and recovers: every selected record is
 * delivered at least once, in order per session, signed; what no try delivers is dead-lettered and
 * the lane moves on; a restart resumes from the durable position.
 */
@Timeout(180)
class WebhookDeliveryTest
{
    private static final byte[] SECRET = "whsec_test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CATALOG = 0x0123_4567_89ab_cdefL;

    @TempDir
    Path dir;

    private Journal journal;
    private JournalProxy proxy;
    private WebhookReceiver receiver;
    private final Metrics metrics = new Metrics();
    private final List<Webhooks> started = new ArrayList<>();

    @BeforeEach
    void open() throws Exception
    {
        journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, false, null),
            new RecordingJournalMetrics());
        proxy = journal.newProxy();
        receiver = WebhookReceiver.onFreePort();
    }

    @AfterEach
    void close()
    {
        started.forEach(Webhooks::close);
        receiver.close();
        journal.close();
    }

    @Test
    void shouldDeliverEverySelectedRecordInOrderPerSessionThroughRefusalsFailuresAndStalls() throws Exception
    {
        start(50, 1_000);
        for (int round = 0; round < 4; round++)
        {
            for (long sid = 1; sid <= 8; sid++)
            {
                write(sid, round);
            }
        }
        await("a refused connection counted", () -> metric("pulse_webhook_failed_attempts_total") > 0);
        receiver.stallMs(3_000).behaviour(n -> n % 7 == 0 ? WebhookReceiver.STALL : n % 3 == 1 ? 500 : 200).start();

        final int expected = 8 * 4 * 4;
        await("every record delivered", () -> deliveredIds().size() == expected);
        assertInOrderPerSession(receiver.delivered());
        final WebhookVerifier verifier = new WebhookVerifier(SECRET, 300);
        for (final WebhookReceiver.Request request : receiver.requests())
        {
            assertThat(verifier.verify(request.signature(), request.body(), System.currentTimeMillis() / 1000)).as("signature").isTrue();
            assertThat(request.json().get("id").asText()).isEqualTo(request.id());
            assertThat(request.json().get("event").asText()).isEqualTo(request.event());
        }
        assertThat(receiver.requests()).as("stalled requests, answered late, were tried again")
            .anySatisfy(request -> assertThat(request.status()).isEqualTo(WebhookReceiver.STALL));
        assertThat(Set.copyOf(receiver.delivered().stream().map(request -> request.json().get("event").asText()).toList()))
            .containsExactlyInAnyOrder("answer", "response", "dismiss", "outcome");
        assertThat(deadLetters()).isEmpty();
        assertThat(metric("pulse_webhook_delivered_total")).isGreaterThanOrEqualTo(expected);
        final RecordId last = receiver.delivered().stream().map(request -> RecordId.parse(request.id()))
            .max(Comparator.comparingLong(RecordId::segment).thenComparingLong(RecordId::offset)).orElseThrow();
        await("the offset saved past the last record", () -> saved().compareTo(new TailPosition(last.segment(), last.offset())) > 0);
        await("nothing in flight", () -> metric("pulse_webhook_in_flight") == 0);
    }

    @Test
    void shouldSendTheRecordsFieldsAndNothingElse() throws Exception
    {
        receiver.start();
        start(3);
        write(0x2a, 0);
        await("four records", () -> deliveredIds().size() == 4);
        final Map<String, JsonNode> byEvent = new LinkedHashMap<>();
        receiver.delivered().forEach(request -> byEvent.put(request.event(), request.json()));
        final JsonNode answer = byEvent.get("answer");
        assertThat(answer.get("sid").asText()).isEqualTo("0000000000000000000000000000002a");
        assertThat(answer.get("catalog").asText()).isEqualTo("0123456789abcdef");
        assertThat(answer.get("iid").asInt()).isEqualTo(7);
        assertThat(answer.get("time_ms").asLong()).isEqualTo(1_800_000_000_000L);
        assertThat(answer.get("time").asText()).isEqualTo("2027-01-15T08:00:00Z");
        assertThat(answer.get("question").asText()).isEqualTo("cant-find");
        assertThat(answer.get("choice").asText()).isEqualTo("order");
        assertThat(fieldNames(answer)).containsExactly("id", "event", "time", "time_ms", "sid", "iid", "catalog", "question", "choice");
        assertThat(RecordId.parse(answer.get("id").asText()).node()).isEqualTo("node-t");
        assertThat(byEvent.get("response").get("response").asText()).isEqualTo("take-your-time");
        assertThat(fieldNames(byEvent.get("dismiss"))).containsExactly("id", "event", "time", "time_ms", "sid", "iid", "catalog", "question");
        final JsonNode outcome = byEvent.get("outcome");
        assertThat(outcome.get("outcome").asText()).isEqualTo("forward");
        assertThat(outcome.get("group").asText()).isEqualTo("shown");
        assertThat(outcome.get("duration_ms").asLong()).isEqualTo(1_234);
        assertThat(outcome.get("stuck_kind").asText()).isEqualTo("faq");
    }

    @Test
    void shouldSendAFeedbackWithWhetherItHelpedAndWhatItRated() throws Exception
    {
        receiver.start();
        start(3);
        offer(() -> proxy.record(JournalRecordType.FEEDBACK).timeMs(1_800_000_000_000L).sid(0, 0x2b).catalogVersion(CATALOG).iid(7)
            .code(0).string("cant-find").string("order").string("order-help").commit());
        await("the feedback", () -> deliveredIds().size() == 1);
        final JsonNode feedback = receiver.delivered().get(0).json();
        assertThat(feedback.get("event").asText()).isEqualTo("feedback");
        assertThat(feedback.get("helpful").asBoolean()).isFalse();
        assertThat(feedback.get("response").asText()).isEqualTo("order-help");
        assertThat(fieldNames(feedback)).containsExactly("id", "event", "time", "time_ms", "sid", "iid", "catalog", "helpful", "question",
            "choice", "response");
    }

    @Test
    void shouldDeadLetterAfterMaxAttemptsWithTheBodyAndMoveOn() throws Exception
    {
        receiver.behaviour(n -> 500).start();
        start(3);
        JournalRecords.answer(proxy, 1_800_000_000_000L, 0, 5, CATALOG, 7, "cant-find", "order");
        JournalRecords.dismiss(proxy, 1_800_000_000_001L, 0, 5, CATALOG, 8, "cant-find");
        await("two records dead-lettered", () -> deadLetters().size() == 2);
        assertThat(receiver.requests()).hasSize(6);
        final List<JsonNode> lines = deadLetters();
        for (int i = 0; i < 2; i++)
        {
            final JsonNode line = lines.get(i);
            final JsonNode sent = receiver.requests().get(i * 3).json();
            assertThat(line.get("id").asText()).isEqualTo(sent.get("id").asText());
            assertThat(line.get("event").asText()).isEqualTo(i == 0 ? "answer" : "dismiss");
            assertThat(line.get("url").asText()).isEqualTo(receiver.url().toString());
            assertThat(line.get("attempts").asInt()).isEqualTo(3);
            assertThat(line.get("last_error").asText()).isEqualTo("HTTP 500");
            assertThat(line.get("dead_lettered_at").asText()).isNotEmpty();
            assertThat(line.get("body")).isEqualTo(sent);
        }
        assertThat(metric("pulse_webhook_dead_lettered_total")).isEqualTo(2);
        assertThat(metric("pulse_webhook_failed_attempts_total")).isEqualTo(6);
        await("the offset saved past both", () -> metric("pulse_webhook_in_flight") == 0);

        receiver.behaviour(n -> 200);
        JournalRecords.answer(proxy, 1_800_000_000_002L, 0, 5, CATALOG, 9, "cant-find", "order");
        await("the next record of the lane delivered", () -> deliveredIds().size() == 1);
    }

    @Test
    void shouldDeadLetterARefusalAtOnceButRetryTooManyRequests() throws Exception
    {
        receiver.behaviour(n -> n == 1 ? 400 : n == 2 ? 429 : 200).start();
        start(5);
        JournalRecords.answer(proxy, 1_800_000_000_000L, 0, 5, CATALOG, 7, "cant-find", "order");
        JournalRecords.dismiss(proxy, 1_800_000_000_001L, 0, 5, CATALOG, 8, "cant-find");
        await("the second record delivered", () -> deliveredIds().size() == 1);
        assertThat(deadLetters()).singleElement().satisfies(line ->
        {
            assertThat(line.get("event").asText()).isEqualTo("answer");
            assertThat(line.get("attempts").asInt()).as("a 400 is not tried again").isEqualTo(1);
            assertThat(line.get("last_error").asText()).isEqualTo("HTTP 400");
        });
        assertThat(receiver.requests()).extracting(WebhookReceiver.Request::status).containsExactly(400, 429, 200);
    }

    @Test
    void shouldResumeFromTheSavedOffsetAfterARestartWithoutLosingAny() throws Exception
    {
        final Webhooks first = start(1_000);
        assertThat(journal.holds().lowest()).as("the webhooks hold the journal from where they stand").isEqualTo(0);
        for (long sid = 1; sid <= 6; sid++)
        {
            write(sid, 0);
        }
        await("tries refused", () -> metric("pulse_webhook_failed_attempts_total") >= 4);
        first.close();
        assertThat(journal.holds().lowest()).as("a stopped reader holds nothing").isEqualTo(Long.MAX_VALUE);
        final TailPosition savedAtStop = saved();
        for (long sid = 1; sid <= 6; sid++)
        {
            write(sid, 1);
        }
        receiver.start();
        start(1_000);
        await("every record delivered after the restart", () -> deliveredIds().size() == 6 * 4 * 2);
        assertInOrderPerSession(receiver.delivered());
        final RecordId firstSelected = receiver.delivered().stream().map(request -> RecordId.parse(request.id()))
            .min(Comparator.comparingLong(RecordId::segment).thenComparingLong(RecordId::offset)).orElseThrow();
        assertThat(savedAtStop).as("nothing was delivered, so the saved position is not past the first record sent")
            .isLessThanOrEqualTo(new TailPosition(firstSelected.segment(), firstSelected.offset()));
    }

    @Test
    void shouldBeginAtTheJournalsEndTheFirstTime() throws Exception
    {
        JournalRecords.answer(proxy, 1_800_000_000_000L, 0, 5, CATALOG, 7, "cant-find", "order");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (journal.writtenPosition() < journal.committedPosition() && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(1_000_000);
        }
        receiver.start();
        start(3);
        JournalRecords.dismiss(proxy, 1_800_000_000_001L, 0, 5, CATALOG, 8, "cant-find");
        await("the record written after the start", () -> deliveredIds().size() == 1);
        assertThat(receiver.requests()).singleElement().satisfies(request -> assertThat(request.event()).isEqualTo("dismiss"));
    }

    /** Generous timeouts (10 s a try) where no test wants a timeout: a loaded machine must not add tries a test counts. */
    private Webhooks start(final int maxAttempts) throws Exception
    {
        return start(maxAttempts, 10_000);
    }

    private Webhooks start(final int maxAttempts, final long timeoutMs) throws Exception
    {
        final WebhookConfiguration configuration = new WebhookConfiguration(List.of(receiver.url()), SECRET, maxAttempts,
            EnumSet.of(JournalRecordType.ANSWER, JournalRecordType.DISMISS, JournalRecordType.RESPONSE_SHOWN, JournalRecordType.OUTCOME,
                JournalRecordType.FEEDBACK),
            "node-t", timeoutMs, 20, 200, 4, 16);
        final Webhooks webhooks = Webhooks.start(configuration, dir, dir.resolve("journal"), journal, metrics);
        started.add(webhooks);
        return webhooks;
    }

    /** One round of a session: a start and a signal (not sent), then an answer, its response, a dismiss and an outcome. */
    private void write(final long sid, final int round)
    {
        final long t = 1_800_000_000_000L + round * 1_000L;
        offer(() -> proxy.record(JournalRecordType.SESSION_START).timeMs(t).sid(0, sid).catalogVersion(CATALOG).string("demo").commit());
        offer(() -> JournalRecords.answer(proxy, t, 0, sid, CATALOG, 7, "cant-find", "order"));
        offer(() -> JournalRecords.responseShown(proxy, t, 0, sid, CATALOG, 7, "cant-find", "order", "take-your-time", ""));
        offer(() -> JournalRecords.dismiss(proxy, t + 1, 0, sid, CATALOG, 8, "hard-to-decide"));
        offer(() -> JournalRecords.outcome(proxy, t + 2, 0, sid, CATALOG, OutcomeKind.FORWARD, OutcomeGroup.SHOWN, 7, 1_234,
            "search-dead-ends", "cant-find", "default", "order", "take-your-time", "faq"));
    }

    private static void offer(final BooleanSupplier record)
    {
        while (!record.getAsBoolean())
        {
            LockSupport.parkNanos(200_000);
        }
    }

    /** Per session, the first delivery of each record comes in journal order. */
    private static void assertInOrderPerSession(final List<WebhookReceiver.Request> delivered)
    {
        final Map<String, LinkedHashSet<String>> bySession = new LinkedHashMap<>();
        for (final WebhookReceiver.Request request : delivered)
        {
            bySession.computeIfAbsent(request.json().get("sid").asText(), sid -> new LinkedHashSet<>()).add(request.id());
        }
        assertThat(bySession).isNotEmpty();
        bySession.forEach((sid, ids) -> assertThat(ids.stream().map(RecordId::parse).toList()).as("session " + sid)
            .isSortedAccordingTo(Comparator.comparingLong(RecordId::segment).thenComparingLong(RecordId::offset)));
    }

    private Set<String> deliveredIds()
    {
        final Set<String> ids = new LinkedHashSet<>();
        receiver.delivered().forEach(request -> ids.add(request.id()));
        return ids;
    }

    private List<JsonNode> deadLetters()
    {
        final Path file = dir.resolve(Webhooks.DIRECTORY).resolve(Webhooks.DEAD_LETTER_FILE);
        final List<JsonNode> lines = new ArrayList<>();
        try
        {
            if (Files.exists(file))
            {
                for (final String line : Files.readAllLines(file))
                {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return lines;
    }

    private TailPosition saved()
    {
        try
        {
            return new TailOffsetFile(dir.resolve(Webhooks.DIRECTORY).resolve(Webhooks.OFFSET_FILE)).read();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private long metric(final String name)
    {
        for (final String line : metrics.prometheusText().split("\n"))
        {
            if (line.startsWith(name + " "))
            {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name);
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
