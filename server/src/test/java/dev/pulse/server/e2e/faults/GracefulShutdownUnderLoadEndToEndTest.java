package dev.pulse.server.e2e.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.journal.JournalRecordType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while the driver sends, under the default fsync policy ({@code interval}): the server
 * exits 0, every client is closed with 1001 (going away), and every message acked before the stop
 * has its record in the journal afterwards (the catalog captures every event as a RAW_EVENT
 * carrying its seq, read back with the project's JournalReader).
 */
@Timeout(90)
class GracefulShutdownUnderLoadEndToEndTest
{
    private static final int SESSIONS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAckedMessagesRecordsWhenStoppedUnderLoad() throws Exception
    {
        try (ChildServer server = new ChildServer(dir, Map.of("PULSE_EXPECTED_SESSIONS", "2000"));
            LoadDriver driver = new LoadDriver(server.port(), SESSIONS, false))
        {
            server.start();
            driver.connectAll(30_000);
            driver.startSending(100);
            Thread.sleep(2_500);
            final int exit = server.terminate();
            driver.awaitAll(session -> !session.connected(), 10_000, "disconnected");
            driver.stopSending();

            final JournalScan journal = JournalScan.read(server.journalDir());
            long acked = 0;
            long missing = 0;
            long goingAway = 0;
            for (final DriverSession session : driver.sessions())
            {
                final Set<Long> captured = journal.capturedSeqs.getOrDefault(session.sid(), Set.of());
                for (long seq = 1; seq <= session.ackedSeq(); seq++)
                {
                    acked++;
                    missing += captured.contains(seq) ? 0 : 1;
                }
                goingAway += session.closeCodes().equals(List.of(1001)) ? 1 : 0;
            }
            System.out.printf("graceful shutdown under load: exit %d, %d sessions, %d messages sent, %d acked, %d acked but not in the journal, "
                    + "%d closed with 1001, journal records %d (raw_event %d); driver %s%n",
                exit, SESSIONS, driver.tally().sent.sum(), acked, missing, goingAway, journal.records,
                journal.count(JournalRecordType.RAW_EVENT), driver.tally());

            assertThat(exit).as("exit status after SIGTERM").isZero();
            assertThat(acked).as("messages acked before the stop").isGreaterThan(SESSIONS * 10L);
            assertThat(missing).as("acked messages without their journal record").isZero();
            assertThat(goingAway).as("sessions closed with 1001").isEqualTo(SESSIONS);
            assertThat(driver.tally().errors.sum()).as("error messages").isZero();
        }
    }
}
