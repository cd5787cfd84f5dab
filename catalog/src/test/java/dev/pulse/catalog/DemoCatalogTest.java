package dev.pulse.catalog;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledQuestion;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.trigger.Trigger;

import dev.pulse.catalog.compile.CompiledCatalog;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogTest
{
    private final CatalogLoader loader = new CatalogLoader();

    @Test
    void shouldLoadWithoutAnyFinding()
    {
        final LoadResult result = loader.loadDemo();
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        assertThat(result.catalog().siteKey()).isEqualTo("demo");
        assertThat(result.catalog().allowsSelfOrigin()).as("the demo works on any port and host name").isTrue();
        assertThat(result.catalog().governor().policy().holdoutPerMillion()).as("a newcomer always sees the question").isZero();
    }

    @Test
    void shouldUseEveryDetector()
    {
        final CompiledCatalog demo = loader.loadDemo().catalog();
        assertThat(Arrays.stream(demo.triggers().all()).map(Trigger::detectorKind).collect(Collectors.toSet()))
            .containsExactlyInAnyOrder(DetectorKind.values());
    }

    @Test
    void shouldAskTheSeedsPricingQuestion()
    {
        final CompiledCatalog demo = loader.loadDemo().catalog();
        final Trigger hesitation = Arrays.stream(demo.triggers().all()).filter(t -> t.id().equals("pricing-hesitation")).findFirst().orElseThrow();
        assertThat(hesitation.detectorKind()).isEqualTo(DetectorKind.IDLE_ON_KEY_PAGE);
        final CompiledQuestion question = demo.question(hesitation);
        assertThat(question.copy(0, -1).text()).isEqualTo("What's making this hard to decide?");
        assertThat(question.copy(0, -1).labels()).contains("I'm not sure which plan fits my team size");
        final int teamSize = question.choiceIndex(dev.pulse.detect.Hash64.of("team-size"));
        assertThat(question.response(teamSize).id()).isEqualTo("plan-by-team-size");
        assertThat(question.response(teamSize).approvedBy()).isNotBlank();
    }

    @Test
    void shouldRouteEveryChoiceOfEveryQuestionToAnApprovedResponse()
    {
        final CompiledCatalog demo = loader.loadDemo().catalog();
        for (final CompiledQuestion question : demo.questions())
        {
            assertThat(question.choiceCount()).isBetween(3, 5);
            for (int choice = 0; choice < question.choiceCount(); choice++)
            {
                final CompiledResponse response = question.response(choice);
                assertThat(response).isNotNull();
                assertThat(response.copy(-1).title()).isNotBlank();
                assertThat(response.approvedAt()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
        }
    }

    /** The demo written as JSON compiles to the same catalog: both formats mean the same thing. */
    @Test
    void shouldRoundTripThroughJson() throws Exception
    {
        final String yaml;
        try (var in = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEMO_RESOURCE))
        {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        final JsonNode tree = new YAMLMapper().readTree(yaml);
        final String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        final LoadResult fromJson = loader.load("demo-catalog.json", json);
        assertThat(fromJson.ok()).as(fromJson.report()).isTrue();

        final CompiledCatalog a = loader.loadDemo().catalog();
        final CompiledCatalog b = fromJson.catalog();
        assertThat(b.siteKey()).isEqualTo(a.siteKey());
        assertThat(b.origins()).isEqualTo(a.origins());
        assertThat(b.pageKindNames()).isEqualTo(a.pageKindNames());
        assertThat(b.keyPageMask()).isEqualTo(a.keyPageMask());
        assertThat(b.governor().policy()).isEqualTo(a.governor().policy());
        assertThat(b.outcomeWindowMs()).isEqualTo(a.outcomeWindowMs());
        assertThat(Arrays.stream(b.triggers().all()).map(DemoCatalogTest::describe).toList())
            .isEqualTo(Arrays.stream(a.triggers().all()).map(DemoCatalogTest::describe).toList());
        assertThat(b.questions().stream().map(q -> q.allCopies().toString()).toList())
            .isEqualTo(a.questions().stream().map(q -> q.allCopies().toString()).toList());
        assertThat(b.responses().stream().map(r -> r.allCopies().toString()).toList())
            .isEqualTo(a.responses().stream().map(r -> r.allCopies().toString()).toList());
    }

    private static String describe(final Trigger trigger)
    {
        return trigger.id() + " " + trigger.detectorKind() + " " + trigger.pageKindMask() + " " + trigger.priority() + " " +
            trigger.mode() + " " + trigger.urgent() + " " + trigger.cooldownMs() + " " + trigger.questionId();
    }
}
