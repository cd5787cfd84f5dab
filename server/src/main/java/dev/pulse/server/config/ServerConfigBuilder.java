package dev.pulse.server.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Changes some settings of a {@link ServerConfig}, keeping the rest: what {@code ConfigLoader} fills
 * layer by layer (defaults, file, environment, flags) and what tests use to vary one setting. A new
 * setting is a component of the record, a setter in the interface of its group and a {@code Setting}
 * constant. The setters of the server's own run (data, catalog, demo, logs, shutdown) are here; the
 * others are by group: {@link ConnectionSetters}, {@link JournalSetters}, {@link AccessSetters} and
 * {@link IntegrationSetters}, which all write through {@link #set}.
 *
 * <p>The values are kept by the record's component order and the record is built through its
 * canonical constructor, so a setting is one setter rather than a field, a copy and an argument
 * as well. {@code ServerConfigBuilderTest} checks that each setter changes its own component and no other.
 */
public final class ServerConfigBuilder implements ConnectionSetters, JournalSetters, AccessSetters, IntegrationSetters
{
    private static final RecordComponent[] COMPONENTS = ServerConfig.class.getRecordComponents();
    private static final Constructor<ServerConfig> CANONICAL = canonicalConstructor();

    private final Object[] values = new Object[COMPONENTS.length];

    ServerConfigBuilder(final ServerConfig config)
    {
        for (int i = 0; i < COMPONENTS.length; i++)
        {
            try
            {
                values[i] = COMPONENTS[i].getAccessor().invoke(config);
            }
            catch (final IllegalAccessException | InvocationTargetException ex)
            {
                throw new IllegalStateException("cannot read " + COMPONENTS[i].getName(), ex);
            }
        }
    }

    public ServerConfigBuilder dataDir(final Path dataDir)
    {
        return set("dataDir", dataDir);
    }

    public ServerConfigBuilder catalogFile(final Path catalogFile)
    {
        return set("catalogFile", catalogFile);
    }

    public ServerConfigBuilder catalogWatchMs(final long catalogWatchMs)
    {
        return set("catalogWatchMs", catalogWatchMs);
    }

    public ServerConfigBuilder shutdownTimeoutMs(final long shutdownTimeoutMs)
    {
        return set("shutdownTimeoutMs", shutdownTimeoutMs);
    }

    public ServerConfigBuilder logFormat(final LogFormat logFormat)
    {
        return set("logFormat", logFormat);
    }

    public ServerConfigBuilder logLevel(final LogLevel logLevel)
    {
        return set("logLevel", logLevel);
    }

    public ServerConfigBuilder drainDelay(final long drainDelay)
    {
        return set("drainDelay", drainDelay);
    }

    public ServerConfigBuilder closeSpread(final long closeSpread)
    {
        return set("closeSpread", closeSpread);
    }

    public ServerConfigBuilder demo(final Boolean demo)
    {
        return set("demo", demo);
    }

    public ServerConfig build()
    {
        try
        {
            return CANONICAL.newInstance(values.clone());
        }
        catch (final InstantiationException | IllegalAccessException | InvocationTargetException ex)
        {
            throw new IllegalStateException("cannot build the configuration", ex);
        }
    }

    /** Sets a component by its name: the one place the group interfaces write through. */
    ServerConfigBuilder set(final String component, final Object value)
    {
        for (int i = 0; i < COMPONENTS.length; i++)
        {
            if (COMPONENTS[i].getName().equals(component))
            {
                values[i] = value;
                return this;
            }
        }
        throw new IllegalArgumentException("ServerConfig has no component " + component);
    }

    private static Constructor<ServerConfig> canonicalConstructor()
    {
        try
        {
            return ServerConfig.class.getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        }
        catch (final NoSuchMethodException ex)
        {
            throw new IllegalStateException("a record has its canonical constructor", ex);
        }
    }
}
