package dev.pulse.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        "(several nodes' journals as one with --data given once per node, or the topic they ship to with --kafka)",
        "and prints per trigger how many sessions it would have asked, against what the live catalog did."})
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private JournalLocation location;

    @Mixin
    private TopicLocation topic;

    @Option(names = "--catalog", paramLabel = "FILE", required = true, description = "The candidate catalog.")
    private Path catalog;

    /** The data directories' journals, or the topic's (all of it); null after saying on {@code err} what is wrong. */
    private ClusterJournals journals(final PrintWriter err) throws IOException
    {
        if (topic.given() && location.given())
        {
            err.println("pulse replay: give --data or --kafka, not both");
            return null;
        }
        if (topic.given())
        {
            return ClusterJournals.ofTopic(topic, Long.MIN_VALUE, Long.MAX_VALUE, "replay", err);
        }
        final List<Path> journalDirs = location.journalDirsOrComplain("replay", err);
        return journalDirs == null ? null : ClusterJournals.ofDirectories(journalDirs);
    }

    @Override
    public Integer call()
    {
        final LoadResult candidate = new CatalogLoader().load(catalog);
        if (!candidate.ok())
        {
            spec.commandLine().getErr().print(candidate.report());
            return PulseMain.EXIT_INVALID;
        }
        final PrintWriter err = spec.commandLine().getErr();
        try (ClusterJournals journals = journals(err))
        {
            if (journals == null)
            {
                return PulseMain.EXIT_USAGE;
            }
            spec.commandLine().getOut().print(new Replay(candidate.catalog()).run(journals.journalDirs()).report());
            spec.commandLine().getOut().flush();
            return PulseMain.EXIT_OK;
        }
        catch (final JournalCorruptionException ex)
        {
            err.println("the journal is damaged: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
        catch (final IOException ex)
        {
            err.println("cannot read the journal: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
    }
}
