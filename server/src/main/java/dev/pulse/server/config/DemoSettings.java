package dev.pulse.server.config;

import java.util.List;

/**
 * The demo: the shop at {@code /demo/} and the bundled demo catalog. Off unless asked for
 * ({@code demo: true}, {@code --demo}), except that a server given no {@code catalog_file} and no
 * {@code demo} setting serves it, so {@code java -jar pulse.jar} alone shows something, and says so
 * at start. A server told {@code demo: false} needs a catalog of its own.
 */
public final class DemoSettings
{
    /** The problem of {@code demo: false} without a {@code catalog_file}. */
    static final String NO_CATALOG = "no catalog: give catalog_file or demo";

    private DemoSettings()
    {
    }

    static void check(final ServerConfig config, final List<String> problems)
    {
        if (Boolean.FALSE.equals(config.demo()) && config.catalogFile() == null)
        {
            problems.add(NO_CATALOG);
        }
    }

    /** Whether {@code /demo/} is served: the {@code demo} setting, or when it is not set, whether no catalog file is given. */
    public static boolean served(final ServerConfig config)
    {
        return config.demo() != null ? config.demo() : config.catalogFile() == null;
    }

    /** What the server logs at start while it serves the demo, with how to turn it off; null when it does not. */
    public static String notice(final ServerConfig config)
    {
        if (!served(config))
        {
            return null;
        }
        if (config.demo() == null)
        {
            return "serving the demo shop at /demo/ and the bundled demo catalog, because no catalog_file is given; "
                + "give your catalog with --catalog FILE (catalog_file) to serve it instead";
        }
        if (config.catalogFile() == null)
        {
            return "serving the demo shop at /demo/ and the bundled demo catalog (demo: true); "
                + "to turn it off, give your catalog with --catalog FILE and drop demo";
        }
        return "serving the demo shop at /demo/ beside the catalog " + config.catalogFile() + " (demo: true); drop demo to turn it off";
    }
}
