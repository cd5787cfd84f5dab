package dev.pulse.server.backup;

import java.io.IOException;
import java.nio.file.Path;

/** A backup that is incomplete or damaged: the message names the backup, the file and what is wrong. Nothing was restored. */
public final class BackupDamagedException extends IOException
{
    private static final long serialVersionUID = 1L;

    BackupDamagedException(final Path backup, final String problem)
    {
        super("the backup " + backup.toAbsolutePath() + " cannot be restored: " + problem);
    }
}
