package dev.pulse.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pulse.server.tools.ExternalTool;

/**
 * The .deb this module's package phase built, read with Debian's own {@code dpkg-deb}. Failsafe
 * passes its path as the system property {@code pulse.deb} (jdeb sets it once the package is built).
 */
final class BuiltPackage
{
    /** The repository's root: tests run in the module's directory. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private BuiltPackage()
    {
    }

    /** The package file; fails the test when the build did not make one. */
    static Path file()
    {
        final String property = System.getProperty("pulse.deb");
        final Path file = property == null ? null : Path.of(property);
        if (file == null || !Files.isRegularFile(file))
        {
            throw new AssertionError("no Debian package at " + property + ": run these tests with ./mvnw verify, which builds it first");
        }
        return file;
    }

    static Path dpkgDeb()
    {
        return ExternalTool.require("dpkg", "/usr/bin/dpkg-deb");
    }

    /** A field of the package's control file, as dpkg reads it. */
    static String field(final String name)
    {
        return Command.succeed(dpkgDeb().toString(), "--field", file().toString(), name).trim();
    }

    /** Every entry of the package's data, as {@code dpkg-deb --contents} lists it. */
    static List<Entry> contents()
    {
        final List<Entry> entries = new ArrayList<>();
        for (final String line : Command.succeed(dpkgDeb().toString(), "--contents", file().toString()).split("\n"))
        {
            // drwxr-xr-x root/root         0 2026-12-07 00:54 ./usr/bin/
            final String[] columns = line.trim().split("\\s+");
            entries.add(new Entry(columns[0], columns[1], columns[5].substring(1)));
        }
        return entries;
    }

    /** Unpacks data and control ({@code DEBIAN/}) into {@code dir}, as {@code dpkg-deb --raw-extract} does. */
    static Path extract(final Path dir)
    {
        Command.succeed(dpkgDeb().toString(), "--raw-extract", file().toString(), dir.toString());
        return dir;
    }

    /** One entry of the data: {@code -rwxr-xr-x}, {@code root/root}, {@code /usr/bin/pulse} (directories end with /). */
    record Entry(String mode, String owner, String path)
    {
    }
}
