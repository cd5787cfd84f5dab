package dev.pulse.server.ingest;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest keys being used now: read at start (a bad file stops the start), read again on
 * SIGHUP ({@link #reload}); a reload that fails keeps the keys in use and says why.
 *
 * <p>Thread-safe: the keys are swapped whole behind a volatile reference.
 */
public final class LiveIngestKeys
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveIngestKeys.class);

    private final Path file;
    private volatile IngestKeys keys;
    /** A key made in code (the demo's), kept across reloads; null: none. */
    private volatile DemoKey demoKey;

    private LiveIngestKeys(final Path file, final IngestKeys keys)
    {
        this.file = file;
        this.keys = keys;
    }

    /** Without a file: only the keys added in code ({@link #add}). */
    public static LiveIngestKeys empty()
    {
        return new LiveIngestKeys(null, IngestKeys.none());
    }

    /** Adds a key made in code (the demo's), which a reload of the file keeps. */
    synchronized void add(final String site, final String keyId, final byte[] secret)
    {
        demoKey = new DemoKey(site, keyId, secret.clone());
        keys = keys.with(site, keyId, secret);
    }

    /** Reads {@code file}. */
    public static LiveIngestKeys open(final Path file) throws IOException
    {
        return new LiveIngestKeys(file, IngestKeys.read(file));
    }

    /** Keys given in code, never reloaded: tests and the demo. */
    public static LiveIngestKeys of(final IngestKeys keys)
    {
        return new LiveIngestKeys(null, keys);
    }

    public IngestKeys current()
    {
        return keys;
    }

    /** Reads the file again; on a problem the keys in use stay. */
    public synchronized void reload()
    {
        if (file == null)
        {
            return;
        }
        try
        {
            final IngestKeys read = IngestKeys.read(file);
            final DemoKey added = demoKey;
            keys = added == null ? read : read.with(added.site(), added.keyId(), added.secret());
            LOG.info("ingest keys reloaded from {}: {} keys", file, keys.size());
        }
        catch (final IOException ex)
        {
            LOG.warn("ingest keys not reloaded, the {} in use stay: {}", keys.size(), ex.getMessage());
        }
    }

    private record DemoKey(String site, String keyId, byte[] secret)
    {
    }
}
