package dev.pulse.server.ws;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.catalog.LiveCatalog;
import dev.pulse.journal.Journal;
import dev.pulse.journal.JournalConfiguration;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;
import dev.pulse.server.session.ChronicleSessionStore;

/**
 * One event loop's context on a real session store and journal in a test's directory, without a
 * channel: what the ws helpers' tests run on. The journal thread's wake-ups are dropped, so a test
 * that needs them calls the gate itself.
 */
final class LoopFixture implements AutoCloseable
{
    final Metrics metrics = new Metrics();
    final ChronicleSessionStore sessions;
    final Journal journal;
    final ServerContext server;
    final LoopContext loop;

    LoopFixture(final Path dir, final LiveCatalog catalog) throws IOException
    {
        sessions = ChronicleSessionStore.open(dir.resolve("sessions.dat"), 100, false);
        journal = Journal.open(dir.resolve("journal"), JournalConfiguration.defaults(), metrics);
        server = new ServerContext(ServerConfig.defaults(), catalog, sessions, journal, metrics);
        loop = new LoopContext(server, task -> { });
    }

    @Override
    public void close()
    {
        journal.close();
        sessions.close();
    }
}
