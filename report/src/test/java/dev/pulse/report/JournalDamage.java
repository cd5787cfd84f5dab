package dev.pulse.report;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Damage done to a journal on purpose. */
public final class JournalDamage
{
    private JournalDamage()
    {
    }

    /**
     * Flips a byte inside the first record's payload of the first segment: its CRC fails and valid
     * records follow, so a reader sees damage, not a torn tail.
     */
    public static void flipAByteOfTheFirstRecord(final Path journalDir) throws IOException
    {
        final Path segment;
        try (Stream<Path> files = Files.list(journalDir))
        {
            segment = files.filter(path -> path.getFileName().toString().endsWith(".journal")).sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw"))
        {
            file.seek(20);
            final int value = file.read();
            file.seek(20);
            file.write(value ^ 0xFF);
        }
    }
}
