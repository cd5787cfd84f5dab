package dev.pulse.server.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.metrics.DeployFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md, "Metrics, alerts and the dashboard", cannot fall behind: every family a
 * running server's {@code /metrics} declares and every alert of the rules file is named there, and
 * every series name it mentions is one the server declares.
 */
@Timeout(120)
class MetricsDocumentedEndToEndTest
{
    private static final Path OPERATIONS = DeployFiles.ROOT.resolve("docs/operations.md");
    private static final String SECTION = "## Metrics, alerts and the dashboard";
    private static final Pattern QUOTED_NAME = Pattern.compile("`((?:pulse|jvm|process)_[a-z0-9_]+)");

    @TempDir
    Path dir;

    @Test
    void shouldNameEveryFamilyAndEveryAlertInTheOperationsGuide() throws Exception
    {
        final String section = section();
        final String exposition;
        // With a cluster key, so the carry's families are declared too.
        final Path clusterKey = java.nio.file.Files.writeString(dir.resolve("cluster.key"), "ab".repeat(32));
        try (TestServer server = new TestServer(dir.resolve("node"), builder -> builder.clusterKeyFile(clusterKey)))
        {
            exposition = server.server().metrics().prometheusText();
        }
        final Set<String> families = DeployFiles.families(exposition);
        assertThat(families).contains("pulse_connections_total", "pulse_build_info", "jvm_memory_used_bytes", "process_open_fds");
        assertThat(families).as("families of /metrics not named in docs/operations.md")
            .allSatisfy(family -> assertThat(section).containsPattern("`" + Pattern.quote(family) + "[`{]"));
        assertThat(DeployFiles.alertNames()).as("alerts not named in docs/operations.md")
            .allSatisfy(alert -> assertThat(section).contains("`" + alert + "`"));

        final Set<String> declared = new TreeSet<>(families);
        declared.addAll(DeployFiles.seriesNames(exposition));
        final Set<String> mentioned = new TreeSet<>();
        final Matcher name = QUOTED_NAME.matcher(section);
        while (name.find())
        {
            mentioned.add(name.group(1));
        }
        assertThat(mentioned).as("names in docs/operations.md that /metrics does not declare").isSubsetOf(declared);
    }

    private static String section() throws Exception
    {
        final String text = Files.readString(OPERATIONS);
        final int start = text.indexOf(SECTION);
        assertThat(start).as(SECTION + " in docs/operations.md").isNotNegative();
        final int end = text.indexOf("\n## ", start + SECTION.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
