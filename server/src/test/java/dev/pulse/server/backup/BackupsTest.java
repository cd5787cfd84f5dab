package dev.pulse.server.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.http.BackupRequests;
import dev.pulse.server.session.SessionAccess;
import dev.pulse.server.session.SessionStore;
import dev.pulse.server.session.SessionVisitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups one at a time on their own thread, and the server's stop: it refuses new ones, and does
 * not let the session map be closed while a backup still copies it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackupsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTakeOneAtATimeAndHoldTheStopUntilTheMapCopyLetsGo() throws Exception
    {
        final CountDownLatch copying = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Backups backups = new Backups(dir, new BlockingCopy(copying, release), "pulse test", 0, System::currentTimeMillis);
        final CompletableFuture<BackupRequests.Result> first = new CompletableFuture<>();

        assertThat(backups.start(first::complete)).as("started").isNull();
        assertThat(copying.await(20, TimeUnit.SECONDS)).as("the copy of the map began").isTrue();
        final BackupRequests.Result second = backups.start(result -> { });
        assertThat(second.status()).isEqualTo(BackupRequests.Status.BUSY);
        assertThat(second.body()).contains("one runs at a time");

        assertThat(backups.stop(200)).as("the map is still being copied: it must not be closed").isFalse();
        release.countDown();
        assertThat(backups.stop(20_000)).as("the copy let go").isTrue();

        assertThat(first.get(20, TimeUnit.SECONDS).status()).as("cancelled by the stop").isEqualTo(BackupRequests.Status.FAILED);
        assertThat(first.get().body()).contains("cancelled: the server is stopping");
        assertThat(backups.start(result -> { }).status()).isEqualTo(BackupRequests.Status.STOPPING);
        try (var left = Files.list(dir.resolve("backups")))
        {
            assertThat(left).as("nothing left behind").isEmpty();
        }
    }

    /** A session store whose copy signals it began and waits to be released. */
    private static final class BlockingCopy implements SessionStore
    {
        private final CountDownLatch copying;
        private final CountDownLatch release;

        BlockingCopy(final CountDownLatch copying, final CountDownLatch release)
        {
            this.copying = copying;
            this.release = release;
        }

        @Override
        public long copyTo(final Path file, final BooleanSupplier cancelled)
        {
            copying.countDown();
            try
            {
                release.await();
                Files.writeString(file, "sessions");
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
            return 0;
        }

        @Override
        public SessionAccess newAccess()
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size()
        {
            return 0;
        }

        @Override
        public long capacity()
        {
            return 0;
        }

        @Override
        public int segments()
        {
            return 0;
        }

        @Override
        public int sweep(final int segment, final SessionVisitor visitor)
        {
            return 0;
        }

        @Override
        public boolean contextOpen()
        {
            return false;
        }

        @Override
        public void close()
        {
        }
    }
}
