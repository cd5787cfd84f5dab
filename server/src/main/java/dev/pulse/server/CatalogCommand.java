package dev.pulse.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pulse catalog}: the commands that work on catalog files. Runs nothing itself. */
@Command(name = "catalog", description = "Work with catalog files.", synopsisSubcommandLabel = "COMMAND")
public final class CatalogCommand
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
