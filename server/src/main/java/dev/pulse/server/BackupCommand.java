package dev.pulse.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pulse backup}: the commands for backups a serving server took ({@code POST /admin/backup}).
 * Runs nothing itself.
 */
@Command(name = "backup", description = "Check and restore backups of the data directory.", synopsisSubcommandLabel = "COMMAND",
    footer = {"", "A running server takes a backup on POST /admin/backup (docs/operations.md, \"Back up and restore\")."})
public final class BackupCommand
{
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
