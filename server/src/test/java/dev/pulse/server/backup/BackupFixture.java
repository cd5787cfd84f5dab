package dev.pulse.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.journal.JournalRecords;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;

/**
 * A data directory as a serving server has it (a journal of several segments being written, its
 * search-text key, a session map with sessions, a catalog version), and backups of it taken as the
 * server takes them.
 */
final class BackupFixture implements AutoCloseable
{
    static final String CATALOG = "0123456789abcdef.yaml";
    static final int SESSIONS = 10;
    private static final long T0 = 1_700_000_000_000L;

    final Path dataDir;
    final ChronicleSessionStore sessions;
    final Journal journal;
    private final JournalProxy proxy;
    private final AtomicLong clockMs = new AtomicLong(T0);
    private int records;

    BackupFixture(final Path dataDir) throws IOException
    {
        this.dataDir = dataDir;
        Files.createDirectories(dataDir.resolve("catalogs"));
        Files.writeString(dataDir.resolve("catalogs").resolve(CATALOG), "version: fixture\n");
        Files.writeString(dataDir.resolve("catalogs").resolve(".0123456789abcdef-1.tmp"), "half a catalog being archived");
        sessions = ChronicleSessionStore.open(dataDir.resolve("sessions.dat"), 1_000, false);
        final SessionAccess access = sessions.newAccess();
        for (int i = 0; i < SESSIONS; i++)
        {
            access.create(1, i);
            access.state().init(1, i, 3, T0).lastSeq(i);
            access.server().init(T0).recordedSeq(i);
            access.close();
        }
        journal = Journal.open(dataDir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 100, 4_096, 64 * 1024, false, null),
            new Metrics());
        proxy = journal.newProxy();
        write(100);
    }

    /** Writes {@code count} records and waits until they are in the file. */
    void write(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            records++;
            JournalRecords.questionShown(proxy, T0 + records, 1, records % SESSIONS, 7, records, "trigger", "question", "a", "", "home");
        }
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (journal.writtenPosition() < proxy.lastPosition())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("the journal did not write the records");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    int records()
    {
        return records;
    }

    /** A maker as the server's, leaving {@code spareBytes} free. */
    BackupMaker maker(final long spareBytes)
    {
        return new BackupMaker(dataDir, file -> sessions.copyTo(file, () -> false), "pulse test", spareBytes,
            () -> clockMs.addAndGet(1_000));
    }

    /** Takes a backup; returns its directory. */
    Path backup() throws IOException
    {
        final BackupMaker maker = maker(0);
        return maker.pathOf(maker.make(() -> false).name());
    }

    @Override
    public void close()
    {
        journal.close();
        sessions.close();
    }
}
