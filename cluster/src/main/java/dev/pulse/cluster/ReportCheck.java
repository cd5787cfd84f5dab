package dev.pulse.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cluster report equal to the report over the merged journals: {@code pulse report --format
 * json} over the three data directories, and over Kafka, each against {@code pulse report} over
 * {@link MergedJournal}, field for field but for {@code generated_at} (when it ran).
 */
final class ReportCheck
{
    private static final long REPORT_TIMEOUT_S = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path pulseJar;
    private final Path dir;

    ReportCheck(final Path pulseJar, final Path dir)
    {
        this.pulseJar = pulseJar;
        this.dir = dir;
    }

    /** One way of reading the cluster, held against the merged journals. */
    record Way(String name, List<String> args)
    {
    }

    /** What one way gave: its report's JSON, or why there is none. */
    record Outcome(String name, int status, boolean equal, String detail)
    {
        void print(final PrintStream out)
        {
            out.printf("report %s: %s%n", name, status != 0 ? "exit " + status + ": " + detail : equal ? "equal to the merged journals'"
                : "DIFFERS from the merged journals': " + detail);
        }
    }

    /** Runs the merged report, then each way; one outcome per way, after the merged one's. */
    List<Outcome> run(final List<JournalEntry> entries, final List<Path> nodeDataDirs, final List<Way> ways)
        throws IOException, InterruptedException
    {
        final Path merged = MergedJournal.write(dir.resolve("merged"), entries, nodeDataDirs);
        final List<Outcome> outcomes = new ArrayList<>();
        final Path reference = dir.resolve("merged.json");
        final int referenceStatus = report(List.of("--data", merged.toString()), reference);
        outcomes.add(new Outcome("merged journals", referenceStatus, referenceStatus == 0, stderr(reference)));
        if (referenceStatus != 0)
        {
            return outcomes;
        }
        final JsonNode expected = comparable(reference);
        for (final Way way : ways)
        {
            final Path file = dir.resolve(way.name().replaceAll("[^a-z0-9]+", "-") + ".json");
            final int status = report(way.args(), file);
            if (status != 0)
            {
                outcomes.add(new Outcome(way.name(), status, false, stderr(file)));
                continue;
            }
            final JsonNode actual = comparable(file);
            outcomes.add(new Outcome(way.name(), 0, expected.equals(actual), expected.equals(actual) ? "" : firstDifference(expected, actual, "")));
        }
        return outcomes;
    }

    private int report(final List<String> args, final Path out) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-jar", pulseJar.toString(), "report", "--format", "json", "--out", out.toString()));
        command.addAll(args);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(errFile(out).toFile()).start();
        if (!process.waitFor(REPORT_TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new IOException("pulse report " + args + " did not finish within " + REPORT_TIMEOUT_S + " s");
        }
        return process.exitValue();
    }

    private static Path errFile(final Path out)
    {
        return out.resolveSibling(out.getFileName() + ".log");
    }

    private static String stderr(final Path out) throws IOException
    {
        return Files.readString(errFile(out)).strip();
    }

    private static JsonNode comparable(final Path file) throws IOException
    {
        final JsonNode root = JSON.readTree(file.toFile());
        ((ObjectNode)root).remove("generated_at");
        return root;
    }

    /** Where two JSON trees first differ, as a path and both values. */
    static String firstDifference(final JsonNode expected, final JsonNode actual, final String path)
    {
        if (expected.equals(actual))
        {
            return "";
        }
        if (expected.isContainerNode() && actual.isContainerNode() && expected.size() == actual.size())
        {
            final var names = expected.fieldNames();
            if (expected.isObject())
            {
                while (names.hasNext())
                {
                    final String name = names.next();
                    final String found = firstDifference(expected.path(name), actual.path(name), path + "." + name);
                    if (!found.isEmpty())
                    {
                        return found;
                    }
                }
            }
            for (int i = 0; expected.isArray() && i < expected.size(); i++)
            {
                final String found = firstDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (!found.isEmpty())
                {
                    return found;
                }
            }
        }
        return path + ": merged " + abbreviate(expected) + ", here " + abbreviate(actual);
    }

    private static String abbreviate(final JsonNode node)
    {
        final String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
