package dev.pulse.catalog;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** The context keys a catalog names (for the report's breakdowns): its triggers' conditions and its segments', sorted, once each. */
class ContextKeysTest
{
    @Test
    void shouldNameTheKeysOfTriggerConditionsAndOfQuestionAndResponseSegments()
    {
        final String withKeys = CatalogFixture.insertAfter(33,
            "    segments:",
            "      - { id: phones, when: { device: mobile }, title: Pay less }");
        final String withQuestionSegment = CatalogFixture.insertAfter(23,
            "    segments:",
            "      - { id: german, when: { locale: de, device: mobile }, text: \"Was fehlt?\" }");
        final String withTriggerCondition = CatalogFixture.insertAfter(15, "    when: { context: { tier: pro } }");
        assertThat(load(withKeys).contextKeys()).containsExactly("device");
        assertThat(load(withQuestionSegment).contextKeys()).containsExactly("device", "locale");
        assertThat(load(withTriggerCondition).contextKeys()).containsExactly("tier");
        final String withNestedConditions = CatalogFixture.insertAfter(15,
            "    when: { any: [{ number: { team_size: { at_least: 6 } } }], not: { context: { plan: free } } }");
        assertThat(load(withNestedConditions).contextKeys()).as("number keys, in any and not too").containsExactly("plan", "team_size");
    }

    @Test
    void shouldNameNoKeyWhenTheCatalogComparesNone()
    {
        assertThat(load(CatalogFixture.VALID).contextKeys()).isEmpty();
        assertThat(new CatalogLoader().loadDemo().catalog().contextKeys()).as("the demo's mobile segment and pricing by team size")
            .containsExactly("device", "team_size");
    }

    private static CompiledCatalog load(final String content)
    {
        final LoadResult result = CatalogFixture.load(content);
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog();
    }
}
