package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code key=value} file as run-e2e.sh writes them ({@code machine.env}, {@code run.env}, {@code conn.env}). */
final class KeyValues
{
    private final Path file;
    private final Map<String, String> values;

    private KeyValues(final Path file, final Map<String, String> values)
    {
        this.file = file;
        this.values = values;
    }

    static KeyValues read(final Path file) throws IOException
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            final int eq = line.indexOf('=');
            if (eq > 0)
            {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new KeyValues(file, values);
    }

    String text(final String key)
    {
        final String value = values.get(key);
        return value == null ? "" : value;
    }

    /** A number, or NaN when the script could not measure it (an empty value). */
    double number(final String key)
    {
        final String value = text(key).trim();
        if (value.isEmpty())
        {
            return Double.NaN;
        }
        try
        {
            return Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(file + ": " + key + " is not a number: " + value, ex);
        }
    }
}
