package dev.pulse.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's user and system CPU time so far, in clock ticks, from {@code /proc/self/stat}
 * (Linux). The split tells a reader where the generator's CPU goes: over loopback, sending an
 * event runs the receiving side's TCP stack in the sender's system time, so a generator whose
 * cost is mostly system time is bounded by the kernel, not by its own code.
 */
record ProcessTimes(long userTicks, long systemTicks)
{
    /** Not measured: no {@code /proc} (not Linux) or an unreadable line. */
    static final ProcessTimes UNKNOWN = new ProcessTimes(-1, -1);

    private static final Path STAT = Path.of("/proc/self/stat");
    /** utime, field 14 of stat(5), at this index of the fields after the ")" that ends field 2 (field 3 is index 0). */
    private static final int UTIME_AFTER_COMMAND = 11;

    static ProcessTimes now()
    {
        try
        {
            return parse(Files.readString(STAT));
        }
        catch (final IOException ex)
        {
            return UNKNOWN;
        }
    }

    /** Parses one {@code /proc/PID/stat} line; the command name may hold spaces and parentheses. */
    static ProcessTimes parse(final String stat)
    {
        final int commandEnd = stat.lastIndexOf(')');
        if (commandEnd < 0)
        {
            return UNKNOWN;
        }
        final String[] fields = stat.substring(commandEnd + 1).trim().split("\\s+");
        if (fields.length <= UTIME_AFTER_COMMAND + 1)
        {
            return UNKNOWN;
        }
        try
        {
            return new ProcessTimes(Long.parseLong(fields[UTIME_AFTER_COMMAND]), Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]));
        }
        catch (final NumberFormatException ex)
        {
            return UNKNOWN;
        }
    }

    boolean known()
    {
        return userTicks >= 0 && systemTicks >= 0;
    }

    /** The share of the CPU time since {@code start} spent in the kernel (system time); NaN when unknown or none. */
    double systemShareSince(final ProcessTimes start)
    {
        if (!known() || !start.known())
        {
            return Double.NaN;
        }
        final long user = userTicks - start.userTicks;
        final long system = systemTicks - start.systemTicks;
        return user + system <= 0 ? Double.NaN : (double)system / (user + system);
    }
}
