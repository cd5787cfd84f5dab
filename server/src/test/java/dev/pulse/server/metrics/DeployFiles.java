package dev.pulse.server.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The monitoring files operators install, read by path from the repository root as shipped:
 * {@code deploy/prometheus/pulse-rules.yml} and {@code deploy/grafana/pulse-dashboard.json}, and
 * what tests need of them (the rules' expressions and names, the dashboard's queries), with the
 * series names a scrape of {@code /metrics} stores.
 */
public final class DeployFiles
{
    /** The repository root: tests run in the server module's directory. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path RULES = ROOT.resolve("deploy/prometheus/pulse-rules.yml");
    public static final Path RULE_TESTS = ROOT.resolve("deploy/prometheus/pulse-rules.test.yml");
    public static final Path DASHBOARD = ROOT.resolve("deploy/grafana/pulse-dashboard.json");

    private static final Pattern TYPE_LINE = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(([^,]+),");

    private DeployFiles()
    {
    }

    /** Every alerting rule of the rules file. */
    public static List<JsonNode> rules() throws IOException
    {
        final List<JsonNode> rules = new ArrayList<>();
        for (final JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile()).get("groups"))
        {
            group.get("rules").forEach(rules::add);
        }
        return rules;
    }

    public static List<String> ruleExpressions() throws IOException
    {
        return rules().stream().map(rule -> rule.get("expr").asText()).toList();
    }

    public static List<String> alertNames() throws IOException
    {
        return rules().stream().map(rule -> rule.get("alert").asText()).toList();
    }

    public static JsonNode dashboard() throws IOException
    {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    /** Every panel's query, and the metric each {@code label_values(metric, label)} variable reads. */
    public static List<String> dashboardExpressions() throws IOException
    {
        final JsonNode dashboard = dashboard();
        final List<String> expressions = new ArrayList<>();
        collectExpr(dashboard.get("panels"), expressions);
        for (final JsonNode variable : dashboard.get("templating").get("list"))
        {
            final Matcher metric = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (metric.find())
            {
                expressions.add(metric.group(1).trim());
            }
        }
        return expressions;
    }

    /** The families an exposition declares by its {@code # TYPE} lines, in order. */
    public static Set<String> families(final String exposition)
    {
        final Set<String> families = new LinkedHashSet<>();
        final Matcher type = TYPE_LINE.matcher(exposition);
        while (type.find())
        {
            families.add(type.group(1));
        }
        return families;
    }

    /**
     * The series names Prometheus stores from an exposition: a counter or gauge family's own name,
     * a histogram's {@code _bucket}, {@code _sum} and {@code _count}, a summary's {@code _sum} and
     * {@code _count}.
     */
    public static Set<String> seriesNames(final String exposition)
    {
        final Set<String> names = new LinkedHashSet<>();
        final Matcher type = TYPE_LINE.matcher(exposition);
        while (type.find())
        {
            final String family = type.group(1);
            switch (type.group(2))
            {
                case "histogram" -> names.addAll(List.of(family + "_bucket", family + "_sum", family + "_count"));
                case "summary" -> names.addAll(List.of(family + "_sum", family + "_count"));
                default -> names.add(family);
            }
        }
        return names;
    }

    private static void collectExpr(final JsonNode node, final List<String> expressions)
    {
        if (node.isObject())
        {
            if (node.has("expr"))
            {
                expressions.add(node.get("expr").asText());
            }
            node.forEach(child -> collectExpr(child, expressions));
        }
        else if (node.isArray())
        {
            node.forEach(child -> collectExpr(child, expressions));
        }
    }
}
