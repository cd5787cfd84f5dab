package dev.pulse.server.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;
import dev.pulse.server.tools.ToolRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/prometheus/pulse-rules.yml} as shipped: promtool (Debian's {@code prometheus}
 * package) checks it and runs its unit tests ({@code pulse-rules.test.yml}: each alert fires on
 * bad series and stays quiet on good ones); a rule whose threshold is changed fails those tests;
 * every alert says how bad it is and what to do.
 */
@Timeout(120)
class PrometheusRulesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPassPromtoolCheckRules() throws Exception
    {
        final ToolRun check = promtool(DeployFiles.RULES.getParent(), "check", "rules", DeployFiles.RULES.getFileName().toString());
        assertThat(check.exitStatus()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + DeployFiles.rules().size() + " rules found");
    }

    @Test
    void shouldPassPromtoolTestRulesWithACaseForEveryAlert() throws Exception
    {
        final ToolRun test = promtool(DeployFiles.RULES.getParent(), "test", "rules", DeployFiles.RULE_TESTS.getFileName().toString());
        assertThat(test.exitStatus()).as(test.output()).isZero();
        final String cases = Files.readString(DeployFiles.RULE_TESTS);
        for (final String alert : DeployFiles.alertNames())
        {
            assertThat(cases).as("a test case of " + alert).contains("alertname: " + alert + "\n");
        }
    }

    @Test
    void shouldFailTheRuleTestsWhenAThresholdMoves() throws Exception
    {
        // The session map alert at 95% instead of 90%: the 95%-full case no longer fires, and promtool says so.
        final String rules = Files.readString(DeployFiles.RULES);
        assertThat(rules).contains("pulse_session_map_fill_percent > 90\n");
        Files.writeString(dir.resolve("pulse-rules.yml"), rules.replace("pulse_session_map_fill_percent > 90\n",
            "pulse_session_map_fill_percent > 95\n"));
        Files.copy(DeployFiles.RULE_TESTS, dir.resolve("pulse-rules.test.yml"));

        final ToolRun test = promtool(dir, "test", "rules", "pulse-rules.test.yml");

        assertThat(test.exitStatus()).as(test.output()).isEqualTo(1);
        assertThat(test.output()).contains("FAILED").contains("alertname: PulseSessionMapNearlyFull");
    }

    @Test
    void shouldGiveEveryAlertASeverityASummaryAndWhatToDo() throws Exception
    {
        final List<JsonNode> rules = DeployFiles.rules();
        assertThat(rules).extracting(rule -> rule.get("alert").asText()).contains("PulseNotReady", "PulseJournalUnhealthy",
            "PulseSessionMapNearlyFull", "PulseEventToQuestionSlow", "PulseGcPauses", "PulseHandshakeRefusals");
        for (final JsonNode rule : rules)
        {
            final String alert = rule.get("alert").asText();
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning");
            assertThat(rule.path("annotations").path("summary").asText()).as(alert).contains("{{ $labels.instance }}");
            assertThat(rule.path("annotations").path("description").asText().length()).as(alert).isGreaterThan(80);
        }
    }

    private static ToolRun promtool(final Path directory, final String... args) throws InterruptedException
    {
        final Path promtool = ExternalTool.require("prometheus", "/usr/bin/promtool");
        final String[] command = new String[args.length + 1];
        command[0] = promtool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return ToolRun.run(directory, null, 60, command);
    }
}
