package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.pulse.journal.JournalCorruptionException;
import dev.pulse.journal.JournalPrinter;
import dev.pulse.journal.JournalReader;
import dev.pulse.journal.JournalRecordFlyweight;

/**
 * {@code pulse journal cat}: every record of {@code DIR/journal} as one JSON object per line, for
 * {@code jq} and friends. Safe on a live server's journal: a record still being written ends the
 * output, it is never printed half. Damage before the end is reported on stderr with status 3,
 * after the records that could be read.
 */
@Command(name = "cat", description = "Prints every journal record as one JSON object per line.")
public final class JournalCatCommand implements Callable<Integer>
{
    /** How many lines go out between checks for a closed pipe (checking flushes). */
    private static final int LINES_PER_CHECK = 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private JournalLocation location;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        final Path journalDir = location.journalDirOrComplain("journal cat", err);
        if (journalDir == null)
        {
            return PulseMain.EXIT_USAGE;
        }
        final PrintWriter out = spec.commandLine().getOut();
        final JournalRecordFlyweight record = new JournalRecordFlyweight();
        final StringBuilder line = new StringBuilder(512);
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            long lines = 0;
            while (reader.next(record))
            {
                line.setLength(0);
                JournalPrinter.appendJson(record, line);
                out.append(line).append('\n');
                if (++lines % LINES_PER_CHECK == 0 && out.checkError())
                {
                    return PulseMain.EXIT_OK; // the reader went away (| head): stop quietly
                }
            }
        }
        catch (final JournalCorruptionException ex)
        {
            out.flush();
            err.println("pulse journal cat: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
        out.flush();
        return PulseMain.EXIT_OK;
    }
}
