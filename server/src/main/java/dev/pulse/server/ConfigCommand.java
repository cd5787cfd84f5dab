package dev.pulse.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pulse config}: the commands that work on the server's settings. Runs nothing itself. */
@Command(name = "config", description = "Work with the server's settings.", synopsisSubcommandLabel = "COMMAND")
public final class ConfigCommand
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
