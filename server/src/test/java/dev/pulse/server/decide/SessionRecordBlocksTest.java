package dev.pulse.server.decide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.SessionStateFlyweight;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of its 2,752-byte record (43 blocks of 64 bytes, a cache line each) an event of the load generator's journeys
 * touches, through the session machine and the next deadline: 10 to 13 blocks read, 2 to 5 written. The session
 * entry's undo keeps only the blocks written ({@code UndoBuffer}), so an event no longer reads the whole entry from
 * memory; this fails if the events come to touch most of it, which would make that moot.
 */
class SessionRecordBlocksTest
{
    /** Records the blocks read and written through it. */
    private static final class Lines extends UnsafeBuffer
    {
        final BitSet read = new BitSet();
        final BitSet written = new BitSet();

        Lines(final int length)
        {
            super(new byte[length]);
        }

        private void r(final int index, final int length)
        {
            read.set(index / 64, (index + length - 1) / 64 + 1);
        }

        private void w(final int index, final int length)
        {
            written.set(index / 64, (index + length - 1) / 64 + 1);
        }

        @Override
        public long getLong(final int i)
        {
            r(i, 8);
            return super.getLong(i);
        }

        @Override
        public void putLong(final int i, final long v)
        {
            w(i, 8);
            super.putLong(i, v);
        }

        @Override
        public int getInt(final int i)
        {
            r(i, 4);
            return super.getInt(i);
        }

        @Override
        public void putInt(final int i, final int v)
        {
            w(i, 4);
            super.putInt(i, v);
        }

        @Override
        public short getShort(final int i)
        {
            r(i, 2);
            return super.getShort(i);
        }

        @Override
        public void putShort(final int i, final short v)
        {
            w(i, 2);
            super.putShort(i, v);
        }

        @Override
        public byte getByte(final int i)
        {
            r(i, 1);
            return super.getByte(i);
        }

        @Override
        public void putByte(final int i, final byte v)
        {
            w(i, 1);
            super.putByte(i, v);
        }

        @Override
        public double getDouble(final int i)
        {
            r(i, 8);
            return super.getDouble(i);
        }

        @Override
        public void putDouble(final int i, final double v)
        {
            w(i, 8);
            super.putDouble(i, v);
        }

        @Override
        public void putBytes(final int i, final DirectBuffer b, final int o, final int l)
        {
            w(i, l);
            super.putBytes(i, b, o, l);
        }

        @Override
        public void getBytes(final int i, final MutableDirectBuffer b, final int o, final int l)
        {
            r(i, l);
            super.getBytes(i, b, o, l);
        }

        @Override
        public void setMemory(final int i, final int l, final byte v)
        {
            w(i, l);
            super.setMemory(i, l, v);
        }
    }

    @Test
    void shouldReadAndWriteFewBlocksOfTheRecordForEachEvent() throws Exception
    {
        final Path file = Path.of("../loadtest/loadtest-catalog.yaml");
        final LoadResult result = new CatalogLoader().load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        assertThat(result.ok()).as(result.report()).isTrue();
        final CompiledCatalog catalog = result.catalog();
        final SessionMachine machine = new SessionMachine(v -> catalog, new RecordingLog());
        final Lines lines = new Lines(SessionStateFlyweight.LENGTH + ServerSessionFlyweight.LENGTH);
        final SessionStateFlyweight state = new SessionStateFlyweight().wrap(lines, 0);
        final ServerSessionFlyweight server = new ServerSessionFlyweight().wrap(lines, SessionStateFlyweight.LENGTH);
        long now = 1_700_000_000_000L;
        state.init(1, 1, 1, now);
        server.init(now);
        machine.hello(catalog, state, server, now);
        final Event event = new Event();
        final PagePath path = new PagePath();
        final String[] pages = {"/", "/products", "/product/1", "/search", "/product/2", "/faq", "/pricing", "/cart", "/product/3",
            "/help"};
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < pages.length; i++)
            {
                now += 1_500;
                path.normalise(pages[i]);
                final long t = now;
                measure(lines, "page", () -> machine.onEvent(catalog, state, server,
                    event.reset(EventType.PAGE).page(path.hash(), catalog.pageKindOf(path), NavType.NAVIGATE), null, t),
                    machine, catalog, state, server);
                measure(lines, "click", () -> machine.onEvent(catalog, state, server,
                    event.reset(EventType.CLICK).click(Hash64.of("#b"), 10, 10), null, t), machine, catalog, state, server);
                measure(lines, "active", () -> machine.onEvent(catalog, state, server, event.reset(EventType.ACTIVE), null, t),
                    machine, catalog, state, server);
                measure(lines, "search", () -> machine.onEvent(catalog, state, server,
                    event.reset(EventType.SEARCH).resultCount(3), "lamp", t), machine, catalog, state, server);
            }
        }
    }

    private static void measure(final Lines lines, final String kind, final Runnable step, final SessionMachine machine,
        final CompiledCatalog catalog, final SessionStateFlyweight state, final ServerSessionFlyweight server)
    {
        lines.read.clear();
        lines.written.clear();
        state.lastSeq(state.lastSeq() + 1);
        state.context().wallSkewMs(0);
        step.run();
        machine.nextDeadlineMs(catalog, state, server);
        final BitSet any = (BitSet)lines.read.clone();
        any.or(lines.written);
        System.out.println(kind + ": blocks read " + lines.read.cardinality() + ", written " + lines.written.cardinality()
            + ", " + any);
        assertThat(any.cardinality()).as("%s touches %s", kind, any).isLessThanOrEqualTo(16);
        assertThat(lines.written.cardinality()).as("%s writes %s", kind, lines.written).isLessThanOrEqualTo(6);
    }
}
