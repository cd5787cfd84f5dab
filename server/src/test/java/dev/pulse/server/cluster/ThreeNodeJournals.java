package dev.pulse.server.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import dev.pulse.journal.FrameAppender;
import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.JournalRecordType;
import dev.pulse.journal.JournalTail;
import dev.pulse.journal.RecordId;
import dev.pulse.journal.TailPosition;
import dev.pulse.report.SampleJournal;
import dev.pulse.report.TestJournal;

/**
 * Three nodes' journals as a cluster leaves them: a day of the report's sample traffic
 * ({@link SampleJournal}) with captured page views, written through a real journal, then dealt out
 * to nodes {@code node-0..2} by session; every seventh session moves to the next node halfway
 * (a node died: the other node journals a resumed SESSION_START and the rest of the session); each
 * node journals the catalog reloads; one session is erased by a node that never held it. Also one
 * journal holding every record of the three, ordered by time with ties in another order than the
 * cluster report's (node 2 first): the report over it must not differ.
 */
public final class ThreeNodeJournals
{
    public static final int NODES = 3;
    /** The session erased (by a node other than the one holding it). */
    public static final long ERASED_SID = 1_000_005L;

    /** One record of the cluster: its time, sid, type and frame. */
    public record Frame(long timeMs, long sid, JournalRecordType type, byte[] bytes)
    {
    }

    private ThreeNodeJournals()
    {
    }

    /** Writes {@code root/node-N/journal} for each node and {@code root/merged/journal}; returns the nodes' data directories. */
    public static List<Path> write(final Path root, final long dayStartMs, final int sessions, final long seed) throws IOException
    {
        final List<Frame> source = new ArrayList<>(framesOf(sample(root.resolve("source"), dayStartMs, sessions, seed)));
        source.addAll(framesOf(extras(root.resolve("extras"), source)));
        source.sort(Comparator.comparingLong(Frame::timeMs));
        final Map<Long, long[]> spanBySid = spans(source);
        final List<List<Frame>> byNode = new ArrayList<>();
        for (int node = 0; node < NODES; node++)
        {
            byNode.add(new ArrayList<>());
        }
        for (final Frame frame : source)
        {
            if (frame.sid() == 0)
            {
                for (final List<Frame> node : byNode)
                {
                    node.add(frame);
                }
                continue;
            }
            byNode.get(node(frame, spanBySid.get(frame.sid()))).add(frame);
        }
        final List<Path> dataDirs = new ArrayList<>();
        final List<Frame> merged = new ArrayList<>();
        for (int node = 0; node < NODES; node++)
        {
            final Path dataDir = root.resolve("node-" + node);
            append(dataDir.resolve("journal"), byNode.get(node));
            dataDirs.add(dataDir);
            merged.addAll(0, byNode.get(node));
        }
        // Stable: ties stay node 2's first, the other way round from the cluster report's merge.
        merged.sort(Comparator.comparingLong(Frame::timeMs));
        append(root.resolve("merged").resolve("journal"), merged);
        return dataDirs;
    }

    /** The node a record goes to: its session's node, or for a moved session the next node from its midpoint on. */
    private static int node(final Frame frame, final long[] span)
    {
        final int home = (int)(frame.sid() % NODES);
        if (frame.type() == JournalRecordType.SESSION_ERASED)
        {
            return (home + 2) % NODES;
        }
        final boolean moved = frame.sid() % 7 == 0 && frame.timeMs() >= (span[0] + span[1]) / 2;
        return moved ? (home + 1) % NODES : home;
    }

    private static Path sample(final Path dataDir, final long dayStartMs, final int sessions, final long seed) throws IOException
    {
        try (TestJournal journal = TestJournal.open(dataDir))
        {
            SampleJournal.write(journal, dayStartMs, sessions, seed);
        }
        return dataDir.resolve("journal");
    }

    /** Page views (for the replay), the resumed starts of the moved sessions, and the erasure. */
    private static Path extras(final Path dataDir, final List<Frame> source) throws IOException
    {
        final Map<Long, long[]> spans = spans(source);
        try (TestJournal journal = TestJournal.open(dataDir))
        {
            for (final Map.Entry<Long, long[]> session : spans.entrySet())
            {
                final long sid = session.getKey();
                final long[] span = session.getValue();
                journal.pageEvent(span[0] + 1, sid, 1, "/pricing");
                journal.pageEvent(span[0] + 2, sid, 2, "/cart");
                if (sid % 7 == 0)
                {
                    journal.sessionStart((span[0] + span[1]) / 2, sid, true);
                }
            }
            journal.erased(spans.get(ERASED_SID)[1] + 1, ERASED_SID, 0);
        }
        return dataDir.resolve("journal");
    }

    /** Each sid's first and last record time. */
    private static Map<Long, long[]> spans(final List<Frame> frames)
    {
        final Map<Long, long[]> spans = new HashMap<>();
        for (final Frame frame : frames)
        {
            if (frame.sid() != 0 && frame.type() != JournalRecordType.SESSION_ERASED)
            {
                final long[] span = spans.computeIfAbsent(frame.sid(), sid -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                span[0] = Math.min(span[0], frame.timeMs());
                span[1] = Math.max(span[1], frame.timeMs());
            }
        }
        return spans;
    }

    /** Every record of a journal, as frames. */
    public static List<Frame> framesOf(final Path journalDir) throws IOException
    {
        final List<Frame> frames = new ArrayList<>();
        forEachRecord(journalDir, (id, frame, record) -> frames.add(new Frame(record.timestampMs(), record.sidLo(), record.type(), frame)));
        return frames;
    }

    /** What {@link #forEachRecord} hands over: the record's id on its node (node "n"), its frame, and the record. */
    public interface RecordVisitor
    {
        void onRecord(RecordId id, byte[] frame, JournalRecordFlyweight record) throws IOException;
    }

    /** Calls {@code visitor} with every record of a journal, in its order. */
    public static void forEachRecord(final Path journalDir, final RecordVisitor visitor) throws IOException
    {
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        try (JournalTail tail = JournalTail.open(journalDir, TailPosition.START))
        {
            while (tail.poll(record))
            {
                final byte[] frame = new byte[tail.frameLength()];
                tail.frameBuffer().getBytes(tail.frameOffset(), frame);
                visitor.onRecord(new RecordId("n", tail.recordSegment(), tail.recordOffset()), frame,
                    new JournalRecordFlyweight().wrap(new UnsafeBuffer(frame), 8, frame.length - 12, record.type()));
            }
        }
    }

    private static void append(final Path journalDir, final List<Frame> frames) throws IOException
    {
        // Small segments, so the records cross segment boundaries as a day's journal does.
        try (FrameAppender appender = new FrameAppender(journalDir, 256 << 10))
        {
            for (final Frame frame : frames)
            {
                appender.append(frame.bytes(), 0, frame.bytes().length);
            }
        }
    }
}
