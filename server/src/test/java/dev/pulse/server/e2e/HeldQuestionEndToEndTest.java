package dev.pulse.server.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.DiskFaults;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.report.JournalReportReader;
import dev.pulse.report.ReportRange;
import dev.pulse.server.PulseServer;
import dev.pulse.server.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code fsync_policy: always} a question waits for its record to be forced. If the page view
 * that closes it comes first, it is never sent (not after the page view), and that is recorded
 * (question_unseen, ahead of its window's outcome), counted, and left out of the report's people asked.
 */
@Timeout(90)
class HeldQuestionEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWithdrawAHeldQuestionThatAPageViewClosedAndRecordIt() throws Exception
    {
        final DiskFaults faults = new DiskFaults();
        final Path data = dir.resolve("data");
        try (PulseServer server = PulseServer.start(config(), faults);
             TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            client.hello(null);
            client.awaitAck(client.send("active"));
            final CountDownLatch slowDisk = new CountDownLatch(1);
            faults.holdWrites(slowDisk);

            // The back-and-forth question is asked but held: its record cannot be forced.
            client.backAndForth();
            assertThat(client.drain(300)).noneMatch(m -> m.get("t").asText().equals("question"));
            // The person moves on (the question closes), then searches in vain twice: a second question.
            client.page("/faq/shipping", "navigate");
            client.send("search", "q", "lamp", "results", 0);
            client.send("search", "q", "lamps", "results", 0);
            slowDisk.countDown();
            faults.holdWrites(null);

            final List<JsonNode> questions = new ArrayList<>();
            for (final JsonNode message : client.drain(1_500))
            {
                if (message.get("t").asText().equals("question"))
                {
                    questions.add(message);
                }
            }
            assertThat(questions).as("only the question still open is sent").hasSize(1);
            assertThat(questions.get(0).get("qid").asText()).isEqualTo("cant-find");
            assertThat(server.metrics().prometheusText()).contains("pulse_questions_unseen_total 1\n");
        }

        final List<String> order = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(data.resolve("journal")))
        {
            final JournalRecordFlyweight record = new JournalRecordFlyweight();
            while (reader.next(record))
            {
                if (record.type() == JournalRecordType.QUESTION_UNSEEN ||
                    record.type() == JournalRecordType.OUTCOME && record.iid() == 1)
                {
                    order.add(record.type().wireName());
                }
            }
        }
        assertThat(order).as("the unseen record comes before its window's outcome").startsWith("question_unseen");
        assertThat(order.stream().filter("question_unseen"::equals)).hasSize(1);

        final var report = JournalReportReader.read(data.resolve("journal"), ReportRange.ALL, 0);
        assertThat(report.totals().questionsUnseen()).isEqualTo(1);
        assertThat(report.totals().questionsShown()).as("only the question seen counts as shown").isEqualTo(1);
    }

    @Test
    void shouldNeverSendAQuestionAfterThePageViewThatClosedIt() throws Exception
    {
        final DiskFaults faults = new DiskFaults();
        try (PulseServer server = PulseServer.start(config(), faults);
             TestClient client = TestClient.connect(server.port(), "test", "http://localhost"))
        {
            client.hello(null);
            client.awaitAck(client.send("active"));
            final CountDownLatch slowDisk = new CountDownLatch(1);
            faults.holdWrites(slowDisk);
            client.backAndForth();
            final long pageView = client.send("page", "url", "/cart", "nav", "navigate");
            assertThat(client.drain(300)).noneMatch(m -> m.get("t").asText().equals("question"));
            slowDisk.countDown();
            faults.holdWrites(null);
            final List<JsonNode> after = client.untilAck(pageView);
            after.addAll(client.drain(500));
            assertThat(after).as("the question closed by the page view is never sent").noneMatch(m -> m.get("t").asText().equals("question"));
            assertThat(server.metrics().prometheusText()).contains("pulse_questions_unseen_total 1\n");
        }
    }

    private ServerConfig config() throws Exception
    {
        final Path catalog = dir.resolve("catalog.yaml");
        try (InputStream in = HeldQuestionEndToEndTest.class.getResourceAsStream("/e2e/catalog.yaml"))
        {
            Files.write(catalog, in.readAllBytes());
        }
        return ServerConfig.defaults().toBuilder().bind("127.0.0.1").port(0).dataDir(dir.resolve("data")).catalogFile(catalog)
            .catalogWatchMs(0).expectedSessions(1_000).eventLoopThreads(1).fsyncPolicy(FsyncPolicy.ALWAYS).build();
    }
}
