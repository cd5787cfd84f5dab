package dev.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest stop-the-world pause in a unified GC log ({@code -Xlog:gc*}): the lines of the
 * {@code gc} or {@code gc,phases} tags that name a pause and end with its duration (G1's
 * {@code Pause Young ... 3.456ms}, ZGC's {@code Pause Mark Start 0.012ms}, Shenandoah's likewise).
 */
final class GcLog
{
    private static final Pattern PAUSE = Pattern.compile("\\[gc(?:,phases)?\\s*\\].*\\bPause\\b.*?\\s(\\d+(?:\\.\\d+)?)ms\\s*$");

    private GcLog()
    {
    }

    /** The longest pause in ms; 0 when the log has none; NaN when there is no log. */
    static double maxPauseMs(final Path log) throws IOException
    {
        if (!Files.isRegularFile(log))
        {
            return Double.NaN;
        }
        double max = 0;
        for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
        {
            final Matcher matcher = PAUSE.matcher(line);
            if (matcher.find())
            {
                max = Math.max(max, Double.parseDouble(matcher.group(1)));
            }
        }
        return max;
    }
}
