package dev.pulse.server.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys a site's backend signs its events with ({@code ingest_keys_file}): one key a line,
 * {@code <site> <key id> <secret>} separated by spaces or tabs, {@code #} starting a comment. A site
 * may have several keys (a new one beside the old while the backend changes over); a key id is
 * unique within its site; a secret has at least {@link #MIN_SECRET_CHARS} characters and is used as
 * its UTF-8 bytes. Immutable: a reload makes a new one ({@link LiveIngestKeys}).
 */
public final class IngestKeys
{
    /** The shortest secret taken: 32 characters, as a hex or base64 text of at least 16 random bytes is. */
    public static final int MIN_SECRET_CHARS = 32;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, Map<String, byte[]>> secretsBySite;

    private IngestKeys(final Map<String, Map<String, byte[]>> secretsBySite)
    {
        this.secretsBySite = secretsBySite;
    }

    /**
     * Reads the file.
     *
     * @throws IOException when it cannot be read, or a line is not a key (the message names the line).
     */
    public static IngestKeys read(final Path file) throws IOException
    {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static IngestKeys parse(final String source, final List<String> lines) throws IOException
    {
        final Map<String, Map<String, byte[]>> secrets = new HashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty())
            {
                continue;
            }
            final String[] parts = line.split("[ \t]+");
            final String where = source + " line " + (i + 1) + ": ";
            if (parts.length != 3)
            {
                throw new IOException(where + "expected '<site> <key id> <secret>'");
            }
            if (!ID.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches())
            {
                throw new IOException(where + "a site and a key id are 1 to 64 of A-Z a-z 0-9 . _ -");
            }
            if (parts[2].length() < MIN_SECRET_CHARS)
            {
                throw new IOException(where + "the secret has " + parts[2].length() + " characters; at least " + MIN_SECRET_CHARS);
            }
            final Map<String, byte[]> site = secrets.computeIfAbsent(parts[0], s -> new HashMap<>());
            if (site.put(parts[1], parts[2].getBytes(StandardCharsets.UTF_8)) != null)
            {
                throw new IOException(where + "key id " + parts[1] + " appears twice for site " + parts[0]);
            }
        }
        return new IngestKeys(secrets);
    }

    /** These keys and one more (the demo's own, made at start), which a reload of the file keeps. */
    IngestKeys with(final String site, final String keyId, final byte[] secret)
    {
        final Map<String, Map<String, byte[]>> secrets = new HashMap<>();
        secretsBySite.forEach((name, keys) -> secrets.put(name, new HashMap<>(keys)));
        secrets.computeIfAbsent(site, name -> new HashMap<>()).put(keyId, secret.clone());
        return new IngestKeys(secrets);
    }

    /** No keys: a server with only the demo's. */
    static IngestKeys none()
    {
        return new IngestKeys(Map.of());
    }

    /** The secret of key {@code keyId} of {@code site}, or null when there is no such site or key. */
    public byte[] secret(final String site, final String keyId)
    {
        final Map<String, byte[]> keys = secretsBySite.get(site);
        return keys == null || keyId == null ? null : keys.get(keyId);
    }

    /** How many keys there are, over every site. */
    public int size()
    {
        return secretsBySite.values().stream().mapToInt(Map::size).sum();
    }
}
