package dev.pulse.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A backup's {@value BackupLayout#SUMS}: every file of the backup with its SHA-256, one
 * {@code <64 hex digits>  <path>} line each, as {@code sha256sum} writes and checks them (so
 * {@code sha256sum -c SHA256SUMS} in the backup checks a copy taken anywhere). Written last, so its
 * absence marks a backup that did not finish or was copied in part; {@link #verify} finds a missing,
 * truncated, altered or foreign file and names it.
 */
final class BackupManifest
{
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([^/].*)");
    private static final int BUFFER_BYTES = 1 << 20;

    private BackupManifest()
    {
    }

    /** Hashes every file under {@code backup} and writes the manifest, forced. */
    static void write(final Path backup) throws IOException
    {
        final StringBuilder sums = new StringBuilder();
        for (final String file : files(backup))
        {
            sums.append(sha256(backup.resolve(file))).append("  ").append(file).append('\n');
        }
        final Path manifest = backup.resolve(BackupLayout.SUMS);
        Files.writeString(manifest, sums, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(manifest, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    /**
     * Checks every file of {@code backup} against the manifest; returns the files it lists, in its order.
     *
     * @throws BackupDamagedException naming the first problem: no manifest, a line that is not one, a file
     *                                missing, of another SHA-256, or not in the manifest.
     */
    static List<String> verify(final Path backup) throws IOException
    {
        final Path manifest = backup.resolve(BackupLayout.SUMS);
        if (!Files.isRegularFile(manifest))
        {
            throw new BackupDamagedException(backup, "it has no " + BackupLayout.SUMS + ": the backup did not finish, or was copied " +
                "only in part");
        }
        final Map<String, String> listed = new LinkedHashMap<>();
        int number = 0;
        for (final String line : Files.readAllLines(manifest, StandardCharsets.US_ASCII))
        {
            number++;
            final Matcher matcher = LINE.matcher(line);
            if (!matcher.matches() || matcher.group(2).contains(".."))
            {
                throw new BackupDamagedException(backup, BackupLayout.SUMS + " line " + number + " is not \"<sha-256>  <file>\"");
            }
            listed.put(matcher.group(2), matcher.group(1));
        }
        for (final Map.Entry<String, String> file : listed.entrySet())
        {
            final Path path = backup.resolve(file.getKey());
            if (!Files.isRegularFile(path))
            {
                throw new BackupDamagedException(backup, file.getKey() + " is missing");
            }
            if (!sha256(path).equals(file.getValue()))
            {
                throw new BackupDamagedException(backup, file.getKey() + " is damaged: its SHA-256 is not the one in " + BackupLayout.SUMS +
                    " (" + Files.size(path) + " bytes now)");
            }
        }
        for (final String file : files(backup))
        {
            if (!listed.containsKey(file))
            {
                throw new BackupDamagedException(backup, file + " is not part of the backup (not in " + BackupLayout.SUMS + ")");
            }
        }
        return List.copyOf(listed.keySet());
    }

    /** Every regular file under {@code backup} but the manifest, as a relative path with {@code /}, sorted. */
    private static List<String> files(final Path backup) throws IOException
    {
        final List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(backup))
        {
            walk.filter(Files::isRegularFile).map(file -> backup.relativize(file).toString().replace('\\', '/'))
                .filter(file -> !file.equals(BackupLayout.SUMS)).sorted().forEach(files::add);
        }
        return files;
    }

    static String sha256(final Path file) throws IOException
    {
        final MessageDigest digest = newDigest();
        final byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file))
        {
            int read;
            while ((read = in.read(buffer)) >= 0)
            {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }
}
