package dev.pulse.server.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.FileProblem;
import dev.pulse.server.config.ServerConfig;

/** The ingest's settings checked at start: {@code ingest_keys_file} read, or the start refused (exit 2) naming the line. */
public final class IngestSettings
{
    private IngestSettings()
    {
    }

    /**
     * The keys of {@code ingest_keys_file}, or null when it is not set (the route is then off).
     *
     * @throws ConfigException when the file cannot be read or a line is not a key.
     */
    public static LiveIngestKeys keys(final ServerConfig config) throws ConfigException
    {
        if (config.ingestKeysFile() == null)
        {
            return null;
        }
        try
        {
            return LiveIngestKeys.open(config.ingestKeysFile());
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException("ingest_keys_file: " + FileProblem.cannotRead(config.ingestKeysFile(), ex));
        }
        catch (final IOException ex)
        {
            throw new ConfigException("ingest_keys_file: " + ex.getMessage());
        }
    }
}
