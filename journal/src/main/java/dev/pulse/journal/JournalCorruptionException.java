package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;

/** A journal segment holds a bad frame where a torn write cannot explain it: the file and offset say where. */
public final class JournalCorruptionException extends IOException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    public JournalCorruptionException(final Path file, final long offset, final String problem)
    {
        super("corrupt journal segment " + file + " at offset " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file()
    {
        return file;
    }

    public long offset()
    {
        return offset;
    }
}
