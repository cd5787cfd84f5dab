package dev.pulse.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pulse journal}: the commands that read a journal. Runs nothing itself. */
@Command(name = "journal", description = "Read the journal of outcomes.", synopsisSubcommandLabel = "COMMAND")
public final class JournalCommand
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
