package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code pulse backup restore DIR --data NEW}: checks the backup whole, then copies it into a new
 * data directory that a server starts on as after a crash at the backup point. Exit 0 restored; 2 no
 * backup there, or the target is not empty (nothing touched); 3 the backup is incomplete or damaged
 * (nothing written), or the copy failed (the target then refuses to serve: delete it and restore again).
 */
@Command(name = "restore", description = "Restores a backup into a new data directory (checked first: a damaged backup restores nothing).",
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:restored", "2:no backup there, or --data is not empty (nothing touched)",
        "3:the backup is incomplete or damaged (nothing written), or the copy failed"})
public final class BackupRestoreCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "DIR", description = "The backup.")
    private Path backup;

    @Option(names = "--data", paramLabel = "NEW", required = true,
        description = "The data directory to restore into: absent or empty. Run as the server's user, so it owns the files.")
    private Path dataDir;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (!BackupVerifyCommand.isDirectoryOrComplain(backup, "restore", err))
        {
            return PulseMain.EXIT_USAGE;
        }
        try
        {
            final BackupInfo info = BackupRestore.restore(backup, dataDir);
            spec.commandLine().getOut().println(BackupVerifyCommand.describe(backup, info) + "; restored into " + dataDir
                + ": start the server with --data " + dataDir);
            return PulseMain.EXIT_OK;
        }
        catch (final BackupRestore.TargetNotEmptyException ex)
        {
            err.println("pulse backup restore: " + ex.getMessage());
            return PulseMain.EXIT_USAGE;
        }
        catch (final BackupDamagedException ex)
        {
            err.println("pulse backup restore: " + ex.getMessage());
            return PulseMain.EXIT_FAILURE;
        }
    }
}
