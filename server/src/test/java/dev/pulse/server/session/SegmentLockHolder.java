package dev.pulse.server.session;

import java.nio.file.Path;

/**
 * A process for {@link KilledLockHolderTest} to kill: takes the data directory as a server does,
 * writes sessions 1..N (session i with last seq i), then opens session 1 (which holds its segment's
 * write lock), says {@code LOCKED} and sleeps until it is killed.
 */
public final class SegmentLockHolder
{
    static final String LOCKED = "LOCKED";

    private SegmentLockHolder()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final DataDirectory data = DataDirectory.open(Path.of(args[0]));
        final int sessions = Integer.parseInt(args[1]);
        final ChronicleSessionStore store = SessionMapStartup.open(data, 1_000, false);
        final SessionAccess access = store.newAccess();
        for (int i = 1; i <= sessions; i++)
        {
            access.create(i, i);
            access.state().init(i, i, 3, 1_000);
            access.state().lastSeq(i);
            access.close();
        }
        if (!access.open(1, 1))
        {
            throw new IllegalStateException("session 1 is missing");
        }
        access.state().lastSeq(1_000_001);
        System.out.println(LOCKED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
