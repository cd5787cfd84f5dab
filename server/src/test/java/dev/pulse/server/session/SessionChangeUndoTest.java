package dev.pulse.server.session;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.Event;
import dev.pulse.detect.EventType;
import dev.pulse.detect.NavType;
import dev.pulse.detect.PagePath;
import dev.pulse.journal.FsyncPolicy;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.journal.JournalProxy;
import dev.pulse.server.decide.JournalInterventionLog;
import dev.pulse.server.decide.SessionMachine;
import dev.pulse.server.metrics.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to a session map entry that does not reach its commit leaves the entry byte for byte as it was, though only
 * the blocks it wrote were kept; a committed change stays, and the next change is undone to it.
 */
class SessionChangeUndoTest
{
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldPutTheEntryBackByteForByteWhenAChangeIsNotCommitted() throws Exception
    {
        final CompiledCatalog catalog = SessionSweeperTest.catalog();
        final Metrics metrics = new Metrics();
        try (Journal journal = Journal.open(dir.resolve("journal"), new JournalConfiguration(FsyncPolicy.NEVER, 0, 64L << 20, 1 << 20, true, null),
            metrics);
            ChronicleSessionStore store = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false))
        {
            final JournalProxy proxy = journal.newProxy();
            final SessionMachine machine = new SessionMachine(version -> catalog, new JournalInterventionLog(proxy, journal, metrics, () -> T0));
            final SessionChange change = new SessionChange(proxy);
            final SessionAccess access = store.newAccess();
            access.create(1, 1);
            access.state().init(1, 1, 1, T0);
            access.server().init(T0);
            access.close();

            assertThat(access.open(1, 1)).isTrue();
            try (SessionChange kept = change.begin(access.state(), access.server(), 1))
            {
                page(machine, catalog, access, "/faq/shipping", T0);
                final long keptBlocks = ((UndoBuffer)access.state().buffer()).keptBlocks();
                assertThat(Long.bitCount(keptBlocks)).as("a page view keeps the few blocks it writes of the record's %d",
                    (SessionRecord.LENGTH + UndoBuffer.BLOCK_BYTES - 1) / UndoBuffer.BLOCK_BYTES).isBetween(1, 8);
                assertThat(kept.commit()).isTrue();
                assertThat(((UndoBuffer)access.state().buffer()).keptBlocks()).as("kept: nothing to put back").isZero();
            }
            final byte[] afterCommit = bytes(access);
            access.close();

            assertThat(access.open(1, 1)).isTrue();
            final SessionChange undone = change.begin(access.state(), access.server(), 2);
            try
            {
                access.state().lastSeq(2);
                page(machine, catalog, access, "/search", T0 + 1_000);
                machine.onEvent(catalog, access.state(), access.server(), new Event().reset(EventType.SEARCH).resultCount(0), "x", T0 + 2_000);
                machine.onEvent(catalog, access.state(), access.server(), new Event().reset(EventType.SEARCH).resultCount(0), "y", T0 + 3_000);
                assertThat(machine.effects().question()).as("the change asked a question and opened its window").isNotNull();
                assertThat(bytes(access)).isNotEqualTo(afterCommit);
            }
            finally
            {
                // No commit: its code threw, say; close puts the entry back.
                undone.close();
            }
            assertThat(bytes(access)).as("as it was after the committed change").isEqualTo(afterCommit);
            access.close();
            assertThat(access.open(1, 1)).isTrue();
            assertThat(bytes(access)).as("and so it stays in the map").isEqualTo(afterCommit);
            access.close();
        }
    }

    private static void page(final SessionMachine machine, final CompiledCatalog catalog, final SessionAccess access, final String url,
        final long nowMs)
    {
        final PagePath path = new PagePath().normalise(url);
        machine.onEvent(catalog, access.state(), access.server(),
            new Event().reset(EventType.PAGE).page(path.hash(), catalog.pageKindOf(path), NavType.NAVIGATE), null, nowMs);
    }

    private static byte[] bytes(final SessionAccess access)
    {
        final byte[] bytes = new byte[SessionRecord.LENGTH];
        access.state().buffer().getBytes(access.state().offset(), bytes);
        return bytes;
    }
}
