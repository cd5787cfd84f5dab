package dev.pulse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every script and document of the repository works from wherever it is checked out: none changes
 * into an absolute directory of one machine, and none names such a checkout or a file outside
 * the repository as if it were part of it. (Scratch paths such as {@code /tmp/...} in examples are fine.)
 */
class RepositoryPathsTest
{
    /** {@code cd /x}, {@code pushd /x}, or a path under one machine's checkout folders. */
    private static final Pattern MACHINE_PATH = Pattern.compile("(^|[;&|(\\s])(cd|pushd)\\s+/|/work/|/home/[a-z]");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldUseNoAbsolutePathOfOneMachine() throws IOException
    {
        assertThat(ROOT.resolve("pom.xml")).as("the tests run in a module of the repository").exists();
        final List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT))
        {
            files.filter(RepositoryPathsTest::isScriptOrDocument).forEach(file -> scan(file, offences));
        }
        assertThat(offences).as("paths must be relative to the repository").isEmpty();
    }

    private static boolean isScriptOrDocument(final Path file)
    {
        final Path relative = ROOT.relativize(file);
        if (relative.startsWith(".git") || relative.toString().contains("target") || !Files.isRegularFile(file))
        {
            return false;
        }
        final String name = file.getFileName().toString();
        return name.endsWith(".sh") || name.endsWith(".md") || name.endsWith(".py") || name.endsWith(".yaml")
            || name.endsWith(".yml") || relative.startsWith(".ci");
    }

    private static void scan(final Path file, final List<String> offences)
    {
        try
        {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++)
            {
                if (MACHINE_PATH.matcher(lines.get(i)).find())
                {
                    offences.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        catch (final MalformedInputException binary)
        {
            // Not text: nothing to run or read.
        }
        catch (final IOException ex)
        {
            offences.add(ROOT.relativize(file) + ": unreadable: " + ex);
        }
    }
}
