package dev.pulse.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.journal.JournalCorruptionException;
import dev.pulse.server.replay.Replay;

/** {@code pulse replay}: what a candidate catalog would have asked, on the traffic a site captured. */
@Command(name = "replay", mixinStandardHelpOptions = false,
    description = {
        "Runs the raw events captured in a journal (catalog site option capture_events: true) through a candidate catalog,",
        "and prints per trigger how many sessions it would have asked, against what the live catalog did."})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private JournalLocation location;

    @Option(names = "--catalog", paramLabel = "FILE", required = true, description = "The candidate catalog.")
    private Path catalog;

    @Override
    public Integer call()
    {
        final LoadResult candidate = new CatalogLoader().load(catalog);
        if (!candidate.ok())
        {
            spec.commandLine().getErr().print(candidate.report());
            return PulseMain.EXIT_INVALID;
        }
        final Path journal = location.journalDirOrComplain("replay", spec.commandLine().getErr());
        if (journal == null)
        {
            return PulseMain.EXIT_USAGE;
        }
        try
        {
            spec.commandLine().getOut().print(new Replay(candidate.catalog()).run(journal).report());
            spec.commandLine().getOut().flush();
            return PulseMain.EXIT_OK;
        }
        catch (final JournalCorruptionException ex)
        {
            spec.commandLine().getErr().println("the journal is damaged: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
        catch (final IOException ex)
        {
            spec.commandLine().getErr().println("cannot read the journal: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
    }
}
