package dev.pulse.server.e2e.faults;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconnect storm: 2,500 clients connected to a child server that restarts (SIGTERM, then a new
 * process on the same port and data directory). Every client is told 1001, reconnects with
 * exponential backoff and full jitter, and within 30 s of the new server listening every session
 * has resumed (hello with its sid gets {@code resumed: true}) with exactly the seq it had.
 */
@Timeout(150)
class ReconnectStormEndToEndTest
{
    private static final int CLIENTS = 2_500;
    private static final long RESUME_DEADLINE_MS = 30_000;

    @TempDir
    Path dir;

    @Test
    void shouldResumeEverySessionAfterARestartWithThousandsConnected() throws Exception
    {
        try (ChildServer server = new ChildServer(dir, Map.of("PULSE_EXPECTED_SESSIONS", "5000"));
            LoadDriver driver = new LoadDriver(server.port(), CLIENTS, false))
        {
            server.start();
            driver.reconnect(true);
            driver.connectAll(60_000);
            driver.startSending(1_000);
            Thread.sleep(3_000);
            driver.stopSending();
            driver.awaitAll(DriverSession::allAcked, 20_000, "acked");
            final Map<String, Long> seqAtStop = new HashMap<>();
            driver.sessions().forEach(session -> seqAtStop.put(session.sid(), session.seq()));
            final long sentBefore = driver.tally().sent.sum();

            final long stopNs = System.nanoTime();
            assertThat(server.terminate()).as("exit status of the graceful stop").isZero();
            server.start();
            final long listeningNs = System.nanoTime();
            driver.awaitAll(DriverSession::welcomed, RESUME_DEADLINE_MS, "resumed within 30 s of the restart");
            final long doneNs = System.nanoTime();

            System.out.printf("reconnect storm: %d clients, %d messages sent before the restart, all resumed %d ms after the new server "
                    + "listened (%d ms after SIGTERM); driver %s%n",
                CLIENTS, sentBefore, (doneNs - listeningNs) / 1_000_000, (doneNs - stopNs) / 1_000_000, driver.tally());
            assertThat(driver.tally().resumed.sum()).as("sessions resumed").isEqualTo(CLIENTS);
            assertThat(driver.tally().notResumed.sum()).as("sessions started afresh instead").isZero();
            assertThat(driver.tally().seqMismatches.sum()).as("sessions resumed with another seq").isZero();
            for (final DriverSession session : driver.sessions())
            {
                assertThat(session.seq()).as("seq of %s after the restart", session.sid()).isEqualTo(seqAtStop.get(session.sid()));
                assertThat(session.closeCodes()).as("close codes of %s", session.sid()).isEqualTo(List.of(1001));
                assertThat(session.errors()).as("errors of %s", session.sid()).isEmpty();
            }
        }
    }
}
