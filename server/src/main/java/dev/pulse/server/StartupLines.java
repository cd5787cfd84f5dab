package dev.pulse.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.catalog.LoadResult;
import dev.pulse.server.auth.SigningKeys;
import dev.pulse.server.config.DemoSettings;
import dev.pulse.server.config.ServerConfig;

/** What a started server says about itself, once: the site and catalog, where it listens, how it is reached, the demo. */
final class StartupLines
{
    private static final Logger LOG = LoggerFactory.getLogger(PulseServer.class);

    private StartupLines()
    {
    }

    static void log(final ServerConfig config, final LoadResult loaded, final ServerListeners listeners, final boolean tls,
        final SigningKeys signingKeys)
    {
        LOG.info("Pulse serving site '{}' (catalog version {}, hash {}) on {}, data in {}", loaded.catalog().siteKey(),
            loaded.catalog().version(), loaded.catalog().versionHashHex(), listeners.describe(), config.dataDir().toAbsolutePath());
        LOG.info("access: {}; sessions {}; metrics {}", tls ? "TLS only (wss://, https://)" : "plain (ws://, http://)",
            signingKeys == null ? "unsigned (hello tokens ignored)"
                : "signed (hello needs a token" + (signingKeys.previous() != null ? "; the previous key is still accepted)" : ")"),
            listeners.describeMetrics());
        if (DemoSettings.served(config))
        {
            LOG.info("{}", DemoSettings.notice(config));
        }
    }
}
