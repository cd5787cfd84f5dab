package dev.pulse.server.backup;

/**
 * The files of a backup: the data directory's own layout (so a restore is a copy of them into a new
 * data directory), plus what describes and checks it.
 *
 * <pre>
 *   &lt;data_dir&gt;/backups/&lt;UTC time&gt;/     one backup; &lt;UTC time&gt;.partial while it is written
 *     sessions.dat                        the session map, copied session by session under its locks
 *     journal/segment-N.journal           every segment up to the backup point, verified frame by frame
 *     journal/search-hash.key             the key of search-text hashes
 *     catalogs/&lt;hash&gt;.yaml                every catalog version that served
 *     backup.properties                   what it holds and when it was taken ({@link BackupInfo})
 *     SHA256SUMS                          every file above with its SHA-256, as sha256sum writes them; written last
 * </pre>
 */
public final class BackupLayout
{
    /** Where backups are written, under the data directory. */
    public static final String BACKUPS = "backups";
    public static final String SESSIONS = "sessions.dat";
    public static final String JOURNAL = "journal";
    public static final String CATALOGS = "catalogs";
    public static final String INFO = "backup.properties";
    /** The manifest; a backup without it did not finish, or was copied only in part. */
    public static final String SUMS = "SHA256SUMS";
    /** Suffix of a backup directory still being written: renamed away once its manifest is forced. */
    static final String PARTIAL = ".partial";

    private BackupLayout()
    {
    }
}
