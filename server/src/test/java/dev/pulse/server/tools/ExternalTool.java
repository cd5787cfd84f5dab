package dev.pulse.server.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * A program from a Debian package that a test drives for real (nginx, HAProxy, Prometheus,
 * promtool, systemd-analyze, dpkg). Where it is missing the test is skipped, except when
 * {@code PULSE_REQUIRE_TOOLS=1} (set by .ci/run, which installs them): then it fails, so CI
 * cannot pass without running these tests.
 */
public final class ExternalTool
{
    private ExternalTool()
    {
    }

    /**
     * The first of {@code candidates} that is an executable file.
     *
     * @param debianPackage the package that provides it, for the message when it is missing.
     */
    public static Path require(final String debianPackage, final String... candidates)
    {
        for (final String candidate : candidates)
        {
            final Path path = Path.of(candidate);
            if (Files.isExecutable(path))
            {
                return path;
            }
        }
        final String missing = String.join(" or ", candidates) + " is missing: install Debian's " + debianPackage;
        if ("1".equals(System.getenv("PULSE_REQUIRE_TOOLS")))
        {
            throw new AssertionError("PULSE_REQUIRE_TOOLS=1 but " + missing);
        }
        Assumptions.assumeTrue(false, missing);
        return null;
    }
}
