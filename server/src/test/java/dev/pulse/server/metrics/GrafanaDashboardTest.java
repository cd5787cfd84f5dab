package dev.pulse.server.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana/pulse-dashboard.json} is a Grafana dashboard model an operator imports as
 * it is: the Prometheus data source is a variable chosen on import, every panel queries through
 * it, panels have unique ids and fit the 24-column grid, and every query reads Pulse's series
 * ({@code PrometheusEndToEndTest} holds the names against a real scrape).
 */
class GrafanaDashboardTest
{
    @Test
    void shouldChooseThePrometheusDataSourceByAVariable() throws Exception
    {
        final JsonNode dashboard = DeployFiles.dashboard();
        assertThat(dashboard.get("uid").asText()).isEqualTo("pulse-overview");
        final List<JsonNode> variables = new ArrayList<>();
        dashboard.get("templating").get("list").forEach(variables::add);
        assertThat(variables).anySatisfy(variable ->
        {
            assertThat(variable.get("name").asText()).isEqualTo("datasource");
            assertThat(variable.get("type").asText()).isEqualTo("datasource");
            assertThat(variable.get("query").asText()).isEqualTo("prometheus");
        });
    }

    @Test
    void shouldQueryEveryPanelThroughTheDataSourceVariable() throws Exception
    {
        final Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (final JsonNode panel : DeployFiles.dashboard().get("panels"))
        {
            assertThat(ids.add(panel.get("id").asInt())).as("panel id " + panel.get("id") + " once").isTrue();
            final JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("x").asInt() + grid.get("w").asInt()).as(panel.get("title").asText()).isLessThanOrEqualTo(24);
            if ("row".equals(panel.get("type").asText()))
            {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (final JsonNode target : panel.get("targets"))
            {
                assertThat(target.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
                assertThat(MetricNames.inPromQl(target.get("expr").asText())).as(target.get("expr").asText()).isNotEmpty();
                queries++;
            }
        }
        assertThat(queries).isEqualTo(DeployFiles.dashboardExpressions().size() - 1);
    }

    @Test
    void shouldShowTheSeriesTheAlertsWatch() throws Exception
    {
        final Set<String> shown = new HashSet<>();
        DeployFiles.dashboardExpressions().forEach(expr -> shown.addAll(MetricNames.inPromQl(expr)));
        final Set<String> alerted = new HashSet<>();
        DeployFiles.ruleExpressions().forEach(expr -> alerted.addAll(MetricNames.inPromQl(expr)));
        alerted.remove("up");
        assertThat(shown).containsAll(alerted);
    }
}
