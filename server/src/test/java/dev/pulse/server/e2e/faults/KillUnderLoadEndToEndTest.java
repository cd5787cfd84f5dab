package dev.pulse.server.e2e.faults;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 under load, three times on one data directory, with fsync {@code always}: after each
 * kill the journal reads to its last valid record without damage, every question a client was
 * shown before the kill has its QUESTION_SHOWN record on disk (a question is pushed only once its
 * record is written, and forced under {@code always}), and after the restart every session
 * resumes (hello with its sid gets {@code resumed: true}) with a seq counter at least what the
 * server had acked and at most what the client had sent. Intervention ids never repeat within a
 * session across the kills: the interventions already shown survived too.
 */
@Timeout(150)
class KillUnderLoadEndToEndTest
{
    private static final int SESSIONS = 200;
    private static final int CYCLES = 3;
    private static final long SEND_PERIOD_MS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldRecoverSessionsAndEveryShownQuestionAfterKillNineUnderLoad() throws Exception
    {
        final Random random = new Random();
        try (ChildServer server = new ChildServer(dir, Map.of("PULSE_EXPECTED_SESSIONS", "2000"));
            LoadDriver driver = new LoadDriver(server.port(), SESSIONS, true))
        {
            server.start("--fsync", "always");
            driver.reconnect(true);
            driver.connectAll(30_000);
            driver.startSending(SEND_PERIOD_MS);
            long resumedBefore = 0;
            for (int cycle = 1; cycle <= CYCLES; cycle++)
            {
                final long runMs = 1_500 + random.nextInt(2_500);
                Thread.sleep(runMs);
                server.kill();
                driver.awaitAll(session -> !session.welcomed(), 10_000, "told of the lost connection");
                final long questionsAtKill = driver.tally().questions.sum();
                final Set<String> shown = shownQuestions(driver);
                final long ackedAtKill = driver.sessions().stream().mapToLong(DriverSession::ackedSeq).sum();

                final JournalScan journal = JournalScan.read(server.journalDir());
                final Set<String> missing = new HashSet<>(shown);
                missing.removeAll(journal.questionsShown);

                server.start("--fsync", "always");
                driver.awaitAll(DriverSession::welcomed, 30_000, "resumed after the restart");
                final long resumed = driver.tally().resumed.sum() - resumedBefore;
                resumedBefore = driver.tally().resumed.sum();
                System.out.printf("kill -9 cycle %d after %d ms: questions shown so far %d (distinct %d), acked messages %d, "
                        + "journal records %d (question_shown %d, raw_event %d), shown but not on disk %d, sessions resumed %d of %d; driver %s%n",
                    cycle, runMs, questionsAtKill, shown.size(), ackedAtKill, journal.records,
                    journal.count(JournalRecordType.QUESTION_SHOWN), journal.count(JournalRecordType.RAW_EVENT), missing.size(),
                    resumed, SESSIONS, driver.tally());

                assertThat(missing).as("questions shown before kill %d but not in the journal", cycle).isEmpty();
                assertThat(resumed).as("sessions resumed with their state after kill %d", cycle).isEqualTo(SESSIONS);
                assertThat(driver.tally().notResumed.sum()).as("sessions not resumed").isZero();
                assertThat(driver.tally().seqMismatches.sum()).as("resumed with a seq outside [acked, sent]").isZero();
                assertThat(driver.tally().closes.sum()).as("close frames: a resume must not close anyone else's connection").isZero();
            }
            driver.stopSending();
            final long totalQuestions = driver.tally().questions.sum();
            assertThat(totalQuestions).as("the load asked questions at all").isGreaterThan(SESSIONS);
            for (final DriverSession session : driver.sessions())
            {
                final List<String> iids = session.questionIids();
                assertThat(new HashSet<>(iids)).as("intervention ids of %s never repeat across kills", session.sid()).hasSize(iids.size());
                // An answer can cross the page view that closed its question (the client's race, and
                // the protocol's answer to it); any other error is a failure.
                assertThat(session.errors()).as("errors seen by %s", session.sid()).allMatch("unknown_intervention"::equals);
            }
            server.terminate();
            assertThat(JournalScan.read(server.journalDir()).questionsShown).containsAll(shownQuestions(driver));
        }
    }

    private static Set<String> shownQuestions(final LoadDriver driver)
    {
        final Set<String> shown = new HashSet<>();
        for (final DriverSession session : driver.sessions())
        {
            for (final String iid : session.questionIids())
            {
                shown.add(session.sid() + "/" + iid);
            }
        }
        return shown;
    }
}
