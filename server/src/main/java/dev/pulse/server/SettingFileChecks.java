package dev.pulse.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.DemoSettings;
import dev.pulse.server.config.KafkaSettings;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.tls.TlsSettings;

/**
 * What {@code config check} reads beyond the settings themselves, so that what {@code serve}
 * would refuse at start fails the check: the catalog (loaded and validated as the server loads it),
 * the TLS certificate and key (parsed, and the key matched to the certificate), the Kafka client
 * properties file (read), and the data
 * directory (a writable directory, or one that can be created). The token and signing key files are
 * read by {@code ConfigLoader} with the settings. Not checked, because a running server would fail
 * them while the new settings are fine: whether the port is free, the data directory's lock, and the
 * session map and journal inside it.
 */
final class SettingFileChecks
{
    private SettingFileChecks()
    {
    }

    /**
     * Runs every check; each problem is added to {@code problems}.
     *
     * @return a line for each thing found good, to print after "checked ".
     */
    static List<String> run(final ServerConfig config, final List<String> problems)
    {
        final List<String> checked = new ArrayList<>();
        catalog(config, checked, problems);
        tls(config, checked, problems);
        dataDir(config.dataDir(), checked, problems);
        kafkaProperties(config, checked, problems);
        return checked;
    }

    private static void catalog(final ServerConfig config, final List<String> checked, final List<String> problems)
    {
        final LoadResult result = config.catalogFile() == null ? new CatalogLoader().loadDemo() : new CatalogLoader().load(config.catalogFile());
        final String name = config.catalogFile() == null ? "the bundled demo catalog" : "catalog_file " + config.catalogFile();
        for (final Diagnostic diagnostic : result.diagnostics())
        {
            if (diagnostic.isError())
            {
                problems.add("catalog_file: " + diagnostic.format());
            }
        }
        if (result.ok())
        {
            checked.add(name + ": valid (site " + result.catalog().siteKey() + ", version " + result.catalog().version() + ", "
                + result.warnings().size() + " warnings)");
        }
        checked.add(DemoSettings.served(config)
            ? "demo: /demo/ serves the demo shop (" + (config.demo() == null ? "no catalog_file is given" : "demo: true") + ")"
            : "demo: off, /demo/ is 404");
    }

    private static void tls(final ServerConfig config, final List<String> checked, final List<String> problems)
    {
        try
        {
            if (TlsSettings.serverContext(config) != null)
            {
                checked.add("tls_cert_file " + config.tlsCertFile() + " and tls_key_file " + config.tlsKeyFile()
                    + ": read, and the key is the certificate's");
            }
        }
        catch (final ConfigException ex)
        {
            problems.addAll(ex.problems());
        }
    }

    private static void kafkaProperties(final ServerConfig config, final List<String> checked, final List<String> problems)
    {
        if (config.kafkaPropertiesFile() == null)
        {
            return;
        }
        try
        {
            checked.add("kafka_properties_file " + config.kafkaPropertiesFile() + ": " + KafkaSettings.clientProperties(config).size()
                + " Kafka client properties");
        }
        catch (final ConfigException ex)
        {
            problems.addAll(ex.problems());
        }
    }

    private static void dataDir(final Path dir, final List<String> checked, final List<String> problems)
    {
        if (Files.exists(dir))
        {
            if (!Files.isDirectory(dir))
            {
                problems.add("data_dir: " + dir + " is not a directory");
            }
            else if (!Files.isWritable(dir))
            {
                problems.add("data_dir: " + dir + " is not writable by this user");
            }
            else
            {
                checked.add("data_dir " + dir + ": a writable directory");
            }
            return;
        }
        // serve creates it: the nearest directory that exists must let it.
        Path parent = dir.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent))
        {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))
        {
            problems.add("data_dir: " + dir + " does not exist and cannot be created: " + parent + " is not a writable directory");
        }
        else
        {
            checked.add("data_dir " + dir + ": does not exist yet; serve will create it");
        }
    }
}
