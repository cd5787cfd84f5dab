package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.bench.TempDirectories;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LiveCatalog;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;
import dev.pulse.server.session.SessionAccess;

/**
 * The server's whole per-event path without the network: a text frame's bytes are decoded
 * (Jackson, streaming), the session's Chronicle Map entry is locked and updated in place, the
 * event runs through recording, the demo catalog's detectors and the governor, signals go to the
 * journal's ring buffer (a real journal thread writes them to disk). A mixed stream over 4,096
 * sessions, each message with the session's next seq. Goal: under 2 µs and 0 B per event.
 */
public class PerEventPathBenchmark extends HotPathBenchmark
{
    private static final int SESSIONS = 4_096;
    private static final int SCRIPT = 1 << 16;
    /** Messages are written with a 20-character, space-padded seq so it can be patched in place. */
    private static final String SEQ_FIELD = "\"seq\":";
    private static final int SEQ_WIDTH = 20;
    private static final String[] PAGES = {"/demo", "/demo/products", "/demo/product/1", "/demo/product/2", "/demo/pricing",
        "/demo/faq", "/demo/search", "/demo/cart", "/demo/checkout", "/demo/thank-you"};

    private Path dir;
    private Journal journal;
    private ChronicleSessionStore sessions;
    private LoopContext loop;
    private ConnectionState[] connections;
    private byte[][] messages;
    private int[] seqOffsets;
    private int[] sessionOf;
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private int cursor;
    private long nowMs = 1_700_000_000_000L;

    @Setup(Level.Trial)
    public void setUp() throws IOException
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

        connections = new ConnectionState[SESSIONS];
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
            access.state().init(connection.sidHi, connection.sidLo, dev.pulse.detect.Hash64.of("demo"), nowMs);
            access.server().init(nowMs).ownerConnectionId(connection.id);
            access.close();
            connections[i] = connection;
        }
        messages = new byte[SCRIPT][];
        seqOffsets = new int[SCRIPT];
        sessionOf = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++)
        {
            sessionOf[i] = random.nextInt(SESSIONS);
            final String json = message(random);
            messages[i] = json.getBytes(StandardCharsets.UTF_8);
            seqOffsets[i] = json.indexOf(SEQ_FIELD) + SEQ_FIELD.length();
        }
    }

    /** A message of the mix, with a blank seq: activity 35%, pages 22% (a sixth back), clicks 15%, ... */
    private static String message(final SplittableRandom random)
    {
        final String seq = SEQ_FIELD + " ".repeat(SEQ_WIDTH);
        final int roll = random.nextInt(100);
        final int arg = random.nextInt(1_000);
        if (roll < 35)
        {
            return "{\"t\":\"active\"," + seq + "}";
        }
        if (roll < 57)
        {
            return "{\"t\":\"page\"," + seq + ",\"url\":\"" + PAGES[arg % PAGES.length] + "?ref=" + arg + "\",\"nav\":\"" +
                (arg % 6 == 0 ? "back" : "navigate") + "\"}";
        }
        if (roll < 72)
        {
            return "{\"t\":\"click\"," + seq + ",\"target\":\"" + (arg % 3 == 0 ? "button#add" : "a.nav>li") + "\",\"x\":" + (100 + arg % 7) +
                ",\"y\":" + (200 + arg % 5) + "}";
        }
        if (roll < 82)
        {
            return "{\"t\":\"search\"," + seq + ",\"q\":\"brass lamp\",\"results\":" + (arg % 3 == 0 ? 0 : arg % 40) + "}";
        }
        if (roll < 88)
        {
            return "{\"t\":\"visibility\"," + seq + ",\"hidden\":" + (arg % 2 == 0) + "}";
        }
        if (roll < 94)
        {
            return "{\"t\":\"form_error\"," + seq + ",\"form\":\"checkout\",\"field\":\"postcode\"}";
        }
        if (roll < 97)
        {
            return "{\"t\":\"exit_intent\"," + seq + "}";
        }
        return "{\"t\":\"goal\"," + seq + ",\"name\":\"purchase\"}";
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        journal.close();
        sessions.close();
        TempDirectories.delete(dir);
    }

    /** One message: decode, seq rules, in-place session update, detectors, governor, journal hand-off, frames encoded. */
    @Benchmark
    public int onMessage()
    {
        final int i = cursor;
        cursor = cursor + 1 == SCRIPT ? 0 : cursor + 1;
        nowMs += 25;
        final ConnectionState connection = connections[sessionOf[i]];
        final byte[] bytes = messages[i];
        writeSeq(bytes, seqOffsets[i], connection.lastSeq + 1);
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

    /** Writes {@code seq} right-aligned in the padded field, spaces before it (valid JSON whitespace). */
    private static void writeSeq(final byte[] bytes, final int offset, final long seq)
    {
        long value = seq;
        int position = offset + SEQ_WIDTH - 1;
        do
        {
            bytes[position--] = (byte)('0' + value % 10);
            value /= 10;
        }
        while (value > 0);
        while (position >= offset)
        {
            bytes[position--] = ' ';
        }
    }
}
