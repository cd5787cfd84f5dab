package dev.pulse.server.metrics;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (an alert's, a dashboard panel's) reads: so a test can hold
 * every name the rules and the dashboard use against a real scrape ({@link DeployFiles#seriesNames}).
 */
public final class MetricNames
{
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LISTS = Pattern.compile(
        "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of(
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private MetricNames()
    {
    }

    /**
     * The metric names {@code expr} selects, in order: what is left once strings, label matchers,
     * ranges, grouping label lists, Grafana's variables, function calls and keywords are taken out.
     */
    public static Set<String> inPromQl(final String expr)
    {
        String rest = STRING.matcher(expr).replaceAll(" ");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        rest = MATCHERS_AND_RANGES.matcher(rest).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        final Set<String> names = new LinkedHashSet<>();
        final Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find())
        {
            final String name = identifier.group(1);
            if (identifier.group(2) == null && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT)))
            {
                names.add(name);
            }
        }
        return names;
    }
}
