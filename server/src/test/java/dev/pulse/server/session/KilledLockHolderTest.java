package dev.pulse.server.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.server.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed with SIGKILL while it holds a segment lock of the session map: the next start
 * sees the unclean stop, recovers the map under the data directory's exclusive lock, and neither
 * hangs on the dead process's lock nor loses the sessions written before.
 */
@Timeout(150)
class KilledLockHolderTest
{
    private static final int SESSIONS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldOpenTheMapWithItsSessionsAfterTheLockHolderWasKilled() throws Exception
    {
        killHolder();

        final ExecutorService opener = Executors.newSingleThreadExecutor();
        try (DataDirectory data = DataDirectory.open(dir))
        {
            assertThat(data.lastStopWasClean()).isFalse();
            final Future<ChronicleSessionStore> opening = opener.submit(() -> SessionMapStartup.open(data, 1_000, false));
            // Bounded: without recovery the first access to the locked segment spins on the dead holder's lock.
            final ChronicleSessionStore store = opening.get(60, TimeUnit.SECONDS);
            final Future<Integer> reading = opener.submit(() -> readAll(store));
            final int found;
            try
            {
                found = reading.get(30, TimeUnit.SECONDS);
            }
            catch (final TimeoutException ex)
            {
                // Not closed: closing waits for the stuck reader, and the test must fail, not hang.
                throw new AssertionError("the sessions could not be read within 30 s: the dead process's lock was not cleared", ex);
            }
            assertThat(found).as("sessions found, each with its last seq").isEqualTo(SESSIONS);
            assertThat(store.size()).isEqualTo(SESSIONS);
            store.close();
        }
        finally
        {
            opener.shutdownNow();
        }
    }

    /**
     * The holder made its map for 1,000 sessions (room for about 2,300 in the file's geometry); the next start asks for
     * fewer or for more. Recovery follows the file's header either way, and every session is still there: with more, the
     * sessions are copied into a map that has room for all of them (before, sessions past the old file's overflow tiers
     * were refused, about 3,500).
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 5_000})
    void shouldKeepEverySessionWhenExpectedSessionsChangedSinceTheKill(final int expectedSessions) throws Exception
    {
        killHolder();
        try (DataDirectory data = DataDirectory.open(dir))
        {
            assertThat(data.lastStopWasClean()).isFalse();
            try (ChronicleSessionStore store = SessionMapStartup.open(data, expectedSessions, false))
            {
                assertThat(readAll(store)).as("sessions found after the restart with expected_sessions %d", expectedSessions)
                    .isEqualTo(SESSIONS);
                assertThat(store.size()).isEqualTo(SESSIONS);
                assertThat(store.capacity()).isEqualTo(expectedSessions);
                final SessionAccess access = store.newAccess();
                int created = 0;
                for (int i = SESSIONS + 1; i <= Math.max(SESSIONS, expectedSessions); i++)
                {
                    if (access.create(i, i))
                    {
                        created++;
                        access.close();
                    }
                }
                assertThat(created).as("new sessions up to expected_sessions").isEqualTo(Math.max(0, expectedSessions - SESSIONS));
                assertThat(access.create(-1, -1)).as("beyond expected_sessions").isFalse();
            }
            data.markCleanShutdown();
        }
        try (DataDirectory data = DataDirectory.open(dir);
             ChronicleSessionStore store = SessionMapStartup.open(data, expectedSessions, false))
        {
            assertThat(store.size()).as("kept across a clean restart").isEqualTo(Math.max(SESSIONS, expectedSessions));
        }
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("sessions.dat.resizing");
        }
    }

    private void killHolder() throws Exception
    {
        final Process holder = startHolder();
        try
        {
            ChildJvm.awaitLine(holder, Pattern.compile("^" + Pattern.quote(SegmentLockHolder.LOCKED) + "$"), new StringBuffer(),
                "the lock holder exited without locking");
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }
        finally
        {
            holder.destroyForcibly();
        }
    }

    /** Opens every session (session 1's segment was locked by the dead process), checks it and writes to it. */
    private static int readAll(final ChronicleSessionStore store)
    {
        final SessionAccess access = store.newAccess();
        int found = 0;
        for (int i = 1; i <= SESSIONS; i++)
        {
            if (access.open(i, i))
            {
                final long seq = access.state().lastSeq();
                // Session 1 was being updated when the holder died: either value may have landed.
                if (seq == i || (i == 1 && seq == 1_000_001))
                {
                    found++;
                }
                access.state().lastSeq(seq + 1);
                access.close();
            }
        }
        return found;
    }

    private Process startHolder() throws Exception
    {
        final List<String> command = ChildJvm.command(List.of("-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"),
            SegmentLockHolder.class.getName(), List.of(dir.toString(), Integer.toString(SESSIONS)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
