package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.pulse.server.backup.BackupDamagedException;
import dev.pulse.server.backup.BackupInfo;
import dev.pulse.server.backup.BackupRestore;

/**
 * {@code pulse backup verify DIR}: checks every file of a backup against its SHA256SUMS (a copy
 * moved between machines, or kept for months, is found whole or not) and says what it holds.
 * Exit 0 intact, 2 no backup there, 3 incomplete or damaged (the message names the file).
 */
@Command(name = "verify", description = "Checks a backup: every file against its SHA256SUMS, and that this Pulse can restore it.",
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the backup is complete and intact", "2:no backup there",
        "3:the backup is incomplete or damaged (the message names the file)"})
public final class BackupVerifyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "DIR", description = "The backup: a directory under the data directory's backups/, or a copy of one.")
    private Path backup;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (!isDirectoryOrComplain(backup, "verify", err))
        {
            return PulseMain.EXIT_USAGE;
        }
        try
        {
            final BackupInfo info = BackupRestore.verify(backup);
            spec.commandLine().getOut().println(describe(backup, info));
            return PulseMain.EXIT_OK;
        }
        catch (final BackupDamagedException ex)
        {
            err.println("pulse backup verify: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
    }

    /** Whether {@code backup} is a directory; if not, says so for {@code pulse backup <command>}. */
    static boolean isDirectoryOrComplain(final Path backup, final String command, final PrintWriter err)
    {
        if (Files.isDirectory(backup))
        {
            return true;
        }
        err.println("pulse backup " + command + ": no backup at " + backup);
        return false;
    }

    /** One line on what a backup holds, for verify and restore. */
    static String describe(final Path backup, final BackupInfo info)
    {
        return backup + ": complete and intact; taken " + Instant.ofEpochMilli(info.createdMs()) + " by " + info.pulseVersion() + "; "
            + info.sessions() + " sessions, " + info.journalSegments() + " journal segments (" + info.journalBytes() + " bytes, "
            + info.journalRecords() + " records" + (info.journalLastRecordMs() == 0 ? ""
            : ", the last of " + Instant.ofEpochMilli(info.journalLastRecordMs())) + "), " + info.catalogs() + " catalog versions";
    }
}
