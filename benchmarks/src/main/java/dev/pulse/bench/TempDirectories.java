package dev.pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch directories of the benchmarks that need files (journal, session map): removed after each trial. */
public final class TempDirectories
{
    private TempDirectories()
    {
    }

    /** Deletes {@code dir} and everything under it, deepest first. */
    public static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
