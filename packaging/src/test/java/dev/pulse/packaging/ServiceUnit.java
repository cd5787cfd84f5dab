package dev.pulse.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file read as systemd reads its plain form: {@code [Section]} headers, {@code Key=value}
 * lines, comments starting with # or ;, a key that may repeat. Enough for deploy/systemd/pulse.service,
 * which uses no line continuations and no quoting beyond one quoted Environment assignment a line.
 */
final class ServiceUnit
{
    private final Map<String, List<String>> valuesByKey = new LinkedHashMap<>();

    private ServiceUnit()
    {
    }

    static ServiceUnit read(final Path file)
    {
        final ServiceUnit unit = new ServiceUnit();
        String section = "";
        try
        {
            for (final String raw : Files.readAllLines(file))
            {
                final String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))
                {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]"))
                {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                final int equals = line.indexOf('=');
                if (equals < 0)
                {
                    throw new AssertionError(file + ": not a Key=value line: " + raw);
                }
                unit.valuesByKey.computeIfAbsent(section + "." + line.substring(0, equals).trim(), key -> new ArrayList<>())
                    .add(line.substring(equals + 1).trim());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return unit;
    }

    /** Every value given to {@code Service.User} (section, dot, key), in file order; empty when none. */
    List<String> values(final String sectionAndKey)
    {
        return valuesByKey.getOrDefault(sectionAndKey, List.of());
    }

    /** The value systemd uses for a single-valued key: the last one given; null when none. */
    String value(final String sectionAndKey)
    {
        final List<String> values = values(sectionAndKey);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The {@code Service.Environment} assignments as name to value (a quoted assignment unquoted). */
    Map<String, String> environment()
    {
        final Map<String, String> environment = new LinkedHashMap<>();
        for (final String assignment : values("Service.Environment"))
        {
            final String unquoted = assignment.startsWith("\"") && assignment.endsWith("\"")
                ? assignment.substring(1, assignment.length() - 1) : assignment;
            final int equals = unquoted.indexOf('=');
            environment.put(unquoted.substring(0, equals), unquoted.substring(equals + 1));
        }
        return environment;
    }

    /** {@code Service.ExecStart} split into the program and its arguments (it uses no quotes). */
    List<String> execStart()
    {
        return List.of(value("Service.ExecStart").split("\\s+"));
    }
}
