package dev.pulse.server;

import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.logging.Logs;

/**
 * Starts a server for {@code pulse serve}. The command depends on this rather than on
 * {@link PulseServer} directly so its tests can hand in a fake and see the config it would start.
 */
@FunctionalInterface
public interface ServerLauncher
{
    /** Starts serving; returns once listening. */
    Running start(ServerConfig config) throws Exception;

    /** A server that is listening. */
    interface Running
    {
        /** The port bound (the real one when the config asked for 0). */
        int port();

        /** Blocks until the server has stopped. */
        void awaitShutdown() throws InterruptedException;

        /** Graceful shutdown, at once; idempotent. */
        void close();

        /** The stop a signal asks for: drain, then close; called again while draining, skips the rest of the drain. */
        void drainAndClose();

        /** SIGHUP: reload the catalog and the TLS certificate. */
        void reload();
    }

    /** The real thing: the settings' {@code log_format} and {@code log_level} from here on, then {@link PulseServer#start}. */
    static ServerLauncher pulseServer()
    {
        return config ->
        {
            Logs.apply(config.logFormat(), config.logLevel());
            final PulseServer server = PulseServer.start(config);
            return new Running()
            {
                @Override
                public int port()
                {
                    return server.port();
                }

                @Override
                public void awaitShutdown() throws InterruptedException
                {
                    server.awaitShutdown();
                }

                @Override
                public void close()
                {
                    server.close();
                }

                @Override
                public void drainAndClose()
                {
                    server.drainAndClose();
                }

                @Override
                public void reload()
                {
                    server.reload();
                }
            };
        };
    }
}
