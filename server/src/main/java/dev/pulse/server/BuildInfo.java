package dev.pulse.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build this is: the project version and the git commit it was built from, as the build
 * wrote them into {@code build-info.properties} (Maven resource filtering, the commit from the
 * git-commit-id plugin). A value the build did not know (no {@code .git} in a source archive,
 * classes compiled outside Maven) is reported as unknown, never guessed.
 */
public record BuildInfo(String version, String commit, boolean dirty)
{
    static final String RESOURCE = "/dev/pulse/server/build-info.properties";
    static final String UNKNOWN = "unknown";

    /** The build this class was compiled in. */
    public static BuildInfo current()
    {
        final Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE))
        {
            if (in != null)
            {
                properties.load(in);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + RESOURCE, ex);
        }
        return of(properties);
    }

    /** From the properties the build wrote; a missing or unfilled ({@code ${...}}) value is unknown. */
    public static BuildInfo of(final Properties properties)
    {
        return new BuildInfo(
            known(properties.getProperty("version")),
            known(properties.getProperty("commit")),
            "true".equals(properties.getProperty("dirty")));
    }

    /** {@code pulse 0.1.0 (commit 0123456789ab)}, saying so when the tree had changes or the commit is unknown. */
    public String versionLine()
    {
        final String built = UNKNOWN.equals(commit)
            ? "commit unknown: built without git"
            : "commit " + commit + (dirty ? ", with uncommitted changes" : "");
        return "pulse " + version + " (" + built + ")";
    }

    private static String known(final String value)
    {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}
