package dev.pulse.bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.EventScript;
import dev.pulse.bench.TempDirectories;
import dev.pulse.server.ws.PerEventPath;

/**
 * The floor server's per-event path without the network, as a fixture for benchmarks beside
 * Pulse's ({@link PerEventPath}): the message's few fields read
 * ({@link FloorMessage}), the fields its handler looks at tested, and the session's entry in Pulse's
 * own session map locked, checked and updated ({@link FloorSessions}, as {@code FloorServer --sessions}
 * does). The same {@link EventScript} mix over as many sessions, each message with its session's next seq.
 *
 * <p>Not thread-safe: one per benchmark state ({@link Trial}).
 */
public final class FloorPath implements AutoCloseable
{
    /** The fixture as a benchmark's state, over Pulse's sessions: one per thread, built before a trial, closed after. */
    @State(Scope.Thread)
    public static class Trial
    {
        public FloorPath path;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            path = new FloorPath(PerEventPath.SESSIONS);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException
        {
            path.close();
        }
    }

    /** What {@link #onMessage} returns for a message it could not read, or whose session it did not update. */
    public static final long REFUSED = -1;
    private static final long EXPIRY_MS = TimeUnit.HOURS.toMillis(1);
    private static final byte[] PAGE = FloorMessage.ascii("page");
    private static final byte[] BACK = FloorMessage.ascii("back");

    private final Path dir;
    private final FloorSessions sessions;
    private final long[] sidHi;
    private final long[] sidLo;
    private final long[] lastSeq;
    private final EventScript script;
    /** Each script message wrapped once: the wrapper shares the script's array, so a seq patched in place shows through it. */
    private final ByteBuf[] frames = new ByteBuf[1 << 16];
    private final FloorMessage message = new FloorMessage();
    private long nowMs = 1_700_000_000_000L;

    /** The floor's path over {@code sessionCount} sessions, all started (owned by connection i + 1). */
    public FloorPath(final int sessionCount) throws IOException
    {
        dir = Files.createTempDirectory("pulse-floor-bench");
        sessions = FloorSessions.open(dir, sessionCount * 2, EXPIRY_MS, null);
        sidHi = new long[sessionCount];
        sidLo = new long[sessionCount];
        lastSeq = new long[sessionCount];
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < sessionCount; i++)
        {
            sidHi[i] = random.nextLong();
            sidLo[i] = random.nextLong();
            if (!sessions.start(sidHi[i], sidLo[i], i + 1, nowMs))
            {
                throw new IllegalStateException("the floor's session map is full at " + i + " sessions");
            }
        }
        script = new EventScript(sessionCount, random);
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = Unpooled.wrappedBuffer(script.withSeq(i, 0));
        }
    }

    /**
     * One message: its fields read, its session's entry checked and updated, as the floor's handler
     * does before it acks. Returns what it read (never negative), or {@link #REFUSED}.
     */
    public long onMessage()
    {
        final int i = script.next();
        nowMs += 25;
        final int session = script.sessionOf(i);
        script.withSeq(i, lastSeq[session] + 1);
        final FloorMessage in = message.read(frames[i]);
        if (!in.valid() || in.seq() <= lastSeq[session] || !sessions.event(sidHi[session], sidLo[session], session + 1, in.seq(), nowMs))
        {
            return REFUSED;
        }
        lastSeq[session] = in.seq();
        return in.typeIs(PAGE) && in.navIs(BACK) ? in.urlHash() >>> 1 : in.seq();
    }

    /** The read alone, of the next message: the floor's {@link PerEventPath#decode()}. */
    public long read()
    {
        return message.read(frames[script.next()]).seq();
    }

    @Override
    public void close() throws IOException
    {
        sessions.close();
        TempDirectories.delete(dir);
    }
}
