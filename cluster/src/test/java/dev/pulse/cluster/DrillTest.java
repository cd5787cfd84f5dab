package dev.pulse.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill in its CI size: three nodes behind real nginx (the cluster configuration verbatim),
 * Kafka, 300 visitors at 600 events/s through the balancer for 30 s, the busiest node killed with
 * -9 after 10 s and started again 5 s later. Every promise of {@link Drill} must hold;
 * {@code scripts/drill.sh} runs the same drill long and large.
 */
class DrillTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(420)
    void shouldKeepEveryPromiseWhenANodeIsKilledUnderLoad() throws Exception
    {
        ExternalTool.require("nginx", "/usr/sbin/nginx");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final Drill.Settings settings = new Drill.Settings(ClusterScriptTest.ROOT, dir, 300, 600, 30, 10, 5,
            true, true);
        final Drill.Outcome outcome;
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8))
        {
            outcome = new Drill(settings, out).run();
            DrillMain.print(outcome, settings, out);
        }
        final String printed = text.toString(StandardCharsets.UTF_8);
        System.out.println(printed);

        assertThat(outcome.victimConnections()).as(printed).isPositive();
        assertThat(outcome.load().servedAgain()).as("connections of the dead node served again\n" + printed).isPositive();
        assertThat(outcome.load().neverBack()).as(printed).isZero();
        assertThat(outcome.load().gapMaxMs()).as("the longest wait to be served again\n" + printed).isLessThanOrEqualTo(Drill.SERVED_AGAIN_MS);
        assertThat(outcome.questions().asks()).as(printed).isPositive();
        assertThat(outcome.questions().repeated()).as(printed).isZero();
        assertThat(outcome.questions().overCap()).as(printed).isZero();
        assertThat(outcome.shipped().missing()).as("journal records not in Kafka\n" + printed).isZero();
        assertThat(outcome.shipped().unknown()).as(printed).isZero();
        assertThat(outcome.shipped().withoutId()).as(printed).isZero();
        assertThat(outcome.reports()).as(printed).isNotEmpty().allSatisfy(report ->
        {
            assertThat(report.status()).as(printed).isZero();
            assertThat(report.equal()).as(printed).isTrue();
        });
        assertThat(outcome.reports()).as("merged journals, the three directories, Kafka").hasSize(3);
        assertThat(outcome.ok()).as(printed).isTrue();
    }

    @Test
    void shouldRefuseBadOptionsWithUsage()
    {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        assertThat(DrillMain.run(new String[] {"--visitors", "100"}, out)).isEqualTo(DrillMain.EXIT_USAGE);
        assertThat(DrillMain.run(new String[] {"--work", "w", "--visitors", "9000"}, out)).isEqualTo(DrillMain.EXIT_USAGE);
        assertThat(DrillMain.run(new String[] {"--work", "w", "--seconds", "20", "--kill-after", "18", "--down", "5"}, out))
            .isEqualTo(DrillMain.EXIT_USAGE);
        assertThat(DrillMain.run(new String[] {"--work", "w", "--rate", "fast"}, out)).isEqualTo(DrillMain.EXIT_USAGE);
        assertThat(DrillMain.run(new String[] {"--work", "w", "--kill"}, out)).isEqualTo(DrillMain.EXIT_USAGE);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("--work DIR is required", "--visitors must be 3 to 8000",
            "--kill-after + --down must end before the load does", "--rate must be a whole number", "unknown option");
    }
}
