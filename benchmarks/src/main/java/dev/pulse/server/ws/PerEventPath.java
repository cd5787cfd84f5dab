package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.EventScript;
import dev.pulse.bench.TempDirectories;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.detect.Hash64;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;

/**
 * The server's whole per-event path without the network, as a fixture for benchmarks: a text
 * frame's bytes are decoded (Jackson, streaming), the session's Chronicle Map entry is locked and
 * updated in place, the event runs through recording, the demo catalog's detectors and the
 * governor, signals go to the journal's ring buffer (a real journal thread writes them to disk), and
 * the question or response frame is encoded. The {@link EventScript}'s mix over {@value #SESSIONS}
 * sessions, each message with its session's next seq.
 *
 * <p>Not thread-safe: one per benchmark state ({@link Trial}).
 */
public final class PerEventPath implements AutoCloseable
{
    public static final int SESSIONS = 4_096;

    /** The fixture as a benchmark's state: one per thread, built before a trial and closed after it. */
    @State(Scope.Thread)
    public static class Trial
    {
        public PerEventPath path;

        @Setup(Level.Trial)
        public void open() throws IOException
        {
            path = new PerEventPath();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException
        {
            path.close();
        }
    }

    private final Path dir;
    private final Journal journal;
    private final ChronicleSessionStore sessions;
    private final LoopContext loop;
    private final ConnectionState[] connections = new ConnectionState[SESSIONS];
    private final EventScript script;
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private long nowMs = 1_700_000_000_000L;

    public PerEventPath() throws IOException
    {
        dir = Files.createTempDirectory("pulse-bench");
        final ServerConfig config = ServerConfig.defaults().toBuilder().dataDir(dir).build();
        final Metrics metrics = new Metrics();
        final CatalogLoader loader = new CatalogLoader();
        final LoadResult demo = loader.loadDemo();
        final LiveCatalog catalog = new LiveCatalog(loader, demo.catalog(), null);
        journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.INTERVAL, 1_000,
            64L * 1024 * 1024, 8 * 1024 * 1024, false, null), metrics);
        sessions = ChronicleSessionStore.open(dir.resolve("sessions.dat"), SESSIONS * 2, false);
        final ServerContext server = new ServerContext(config, catalog, sessions, journal, metrics);
        loop = new LoopContext(server, task -> { });

        final SessionAccess access = sessions.newAccess();
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SESSIONS; i++)
        {
            final ConnectionState connection = new ConnectionState();
            connection.id = i + 1;
            connection.helloed = true;
            connection.sidHi = random.nextLong();
            connection.sidLo = random.nextLong();
            access.create(connection.sidHi, connection.sidLo);
            access.state().init(connection.sidHi, connection.sidLo, Hash64.of("demo"), nowMs);
            access.server().init(nowMs).ownerConnectionId(connection.id);
            access.close();
            connections[i] = connection;
        }
        script = new EventScript(SESSIONS, random);
    }

    /** One message: decode, seq rules, in-place session update, detectors, governor, journal hand-off, frames encoded. */
    public int onMessage()
    {
        final int i = script.next();
        nowMs += 25;
        final ConnectionState connection = connections[script.sessionOf(i)];
        final byte[] bytes = script.withSeq(i, connection.lastSeq + 1);
        final DecodedMessage message = loop.decoder.decode(bytes, bytes.length, loop.message);
        final Outbox out = loop.outbox;
        out.clear();
        loop.sessionEvents.event(connection, message, nowMs, out);
        // The frames the connection would encode from the outbox.
        if (out.question() != null)
        {
            MessageEncoder.question(alloc, out.questionIid(), out.question(), out.questionCopy()).release();
        }
        if (out.response() != null)
        {
            MessageEncoder.response(alloc, out.responseIid(), out.responseChoiceId(), out.response()).release();
        }
        return out.errorCount;
    }

    /** The decode alone, of the next message (its seq left as it was: nothing is handled). */
    public long decode()
    {
        final int i = script.next();
        final byte[] bytes = script.withSeq(i, connections[script.sessionOf(i)].lastSeq + 1);
        return loop.decoder.decode(bytes, bytes.length, loop.message).seq();
    }

    @Override
    public void close() throws IOException
    {
        journal.close();
        sessions.close();
        TempDirectories.delete(dir);
    }
}
