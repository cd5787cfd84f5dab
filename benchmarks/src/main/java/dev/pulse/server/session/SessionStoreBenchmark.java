package dev.pulse.server.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.bench.TempDirectories;
import dev.pulse.detect.SessionStateFlyweight;

/**
 * One event's state update through the server's session store: the session's Chronicle Map entry
 * is looked up and locked ({@link SessionAccess#open}), its record read, modified and written in
 * place (seq, clocks, the owner check), and unlocked. The map is the server's: sized for its
 * default {@code expected_sessions} (50,000, about 75 MB), holding 10,000 sessions (the load
 * test's) or full, and each event goes to a random session, so most records miss the CPU cache as
 * on a busy server. Goal: 0 B/op.
 */
public class SessionStoreBenchmark extends HotPathBenchmark
{
    private static final int CAPACITY = 50_000;
    private static final int SCRIPT = 1 << 16;
    private static final long CONNECTION_ID = 7;

    @Param({"10000", "50000"})
    public int sessions;

    private Path dir;
    private ChronicleSessionStore store;
    private SessionAccess access;
    private long[] sidHi;
    private long[] sidLo;
    private int[] order;
    private int cursor;
    private long nowMs = 1_700_000_000_000L;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("pulse-session-bench");
        store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), CAPACITY, false);
        access = store.newAccess();
        final SplittableRandom random = new SplittableRandom(42);
        sidHi = new long[sessions];
        sidLo = new long[sessions];
        for (int i = 0; i < sessions; i++)
        {
            sidHi[i] = random.nextLong();
            sidLo[i] = random.nextLong();
            if (!access.create(sidHi[i], sidLo[i]))
            {
                throw new IllegalStateException("the map refused session " + i + " of " + sessions);
            }
            access.state().init(sidHi[i], sidLo[i], 42, nowMs);
            access.server().init(nowMs).ownerConnectionId(CONNECTION_ID);
            access.close();
        }
        order = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++)
        {
            order[i] = random.nextInt(sessions);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        access.close();
        store.close();
        TempDirectories.delete(dir);
    }

    /** Lock a random session's entry, check its owner, advance its seq and clocks in place, unlock. */
    @Benchmark
    public long update()
    {
        final int i = order[cursor];
        cursor = cursor + 1 == SCRIPT ? 0 : cursor + 1;
        nowMs += 1;
        if (!access.open(sidHi[i], sidLo[i]))
        {
            throw new IllegalStateException("session " + i + " is missing");
        }
        try
        {
            final SessionStateFlyweight state = access.state();
            final long owner = access.server().ownerConnectionId();
            final long seq = state.lastSeq() + 1;
            state.lastSeq(seq);
            state.lastEventMs(nowMs);
            state.lastActivityMs(nowMs);
            return seq + owner;
        }
        finally
        {
            access.close();
        }
    }
}
