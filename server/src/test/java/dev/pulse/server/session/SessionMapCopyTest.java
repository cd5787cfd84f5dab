package dev.pulse.server.session;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A copy of the session map taken while sessions are written (a backup of a serving server): every
 * session copied whole, never half of one event's writes, and the copy opens as a restored server
 * opens it (recovering, as after a crash) with every session.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionMapCopyTest
{
    private static final int SESSIONS = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldCopyEverySessionWholeWhileEventsWriteThem() throws Exception
    {
        final AtomicBoolean writing = new AtomicBoolean(true);
        final AtomicLong writes = new AtomicLong();
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 2 * SESSIONS, false))
        {
            final SessionAccess creator = store.newAccess();
            for (int i = 0; i < SESSIONS; i++)
            {
                assertThat(creator.create(1, i)).isTrue();
                creator.state().init(1, i, 3, 1_000);
                creator.server().init(1_000).recordedSeq(0);
                creator.close();
            }
            // An "event": the first field of the record written, then a pause, then the last. A copy that read a
            // session without its lock would catch the two apart.
            final Thread writer = new Thread(() ->
            {
                final SessionAccess access = store.newAccess();
                while (writing.get())
                {
                    if (access.open(1, ThreadLocalRandom.current().nextInt(SESSIONS)))
                    {
                        final long value = writes.incrementAndGet();
                        access.state().lastSeq(value);
                        for (int spin = 0; spin < 2_000; spin++)
                        {
                            Thread.onSpinWait();
                        }
                        access.server().recordedSeq(value);
                        access.close();
                    }
                }
            }, "event-writer");
            writer.start();
            try
            {
                for (int copy = 0; copy < 3; copy++)
                {
                    final long writesBefore = writes.get();
                    assertThat(store.copyTo(dir.resolve("copy-" + copy + ".dat"), () -> false)).isEqualTo(SESSIONS);
                    assertThat(writes.get()).as("events went on during copy %d", copy).isGreaterThan(writesBefore);
                }
            }
            finally
            {
                writing.set(false);
                writer.join();
            }
        }

        for (int copy = 0; copy < 3; copy++)
        {
            try (ChronicleSessionStore restored = ChronicleSessionStore.open(dir.resolve("copy-" + copy + ".dat"), 2 * SESSIONS, true))
            {
                assertThat(restored.size()).isEqualTo(SESSIONS);
                final SessionAccess access = restored.newAccess();
                long written = 0;
                for (int i = 0; i < SESSIONS; i++)
                {
                    assertThat(access.open(1, i)).as("session %d in copy %d", i, copy).isTrue();
                    assertThat(access.server().recordedSeq()).as("session %d in copy %d is whole", i, copy)
                        .isEqualTo(access.state().lastSeq());
                    written += access.state().lastSeq() > 0 ? 1 : 0;
                    access.close();
                }
                assertThat(written).as("sessions the writer had touched when copy %d was taken", copy).isPositive();
            }
        }
    }

    @Test
    void shouldStopWhenCancelled() throws Exception
    {
        try (ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false))
        {
            assertThatThrownBy(() -> store.copyTo(dir.resolve("copy.dat"), () -> true))
                .isInstanceOf(SessionStoreException.class).hasMessageContaining("cancelled: the server is stopping");
        }
    }
}
