package dev.pulse.server.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** How a file named by a setting failed to be read, in words an operator acts on. */
public final class FileProblem
{
    private FileProblem()
    {
    }

    /** {@code "<file> does not exist"}, {@code "<file> cannot be read: permission denied"}, ... */
    public static String cannotRead(final Path file, final Exception cause)
    {
        if (cause instanceof NoSuchFileException)
        {
            return file + " does not exist";
        }
        if (cause instanceof AccessDeniedException)
        {
            return file + " cannot be read: permission denied";
        }
        return file + " cannot be read: " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
    }
}
