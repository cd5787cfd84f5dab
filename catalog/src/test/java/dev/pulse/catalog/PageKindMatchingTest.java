package dev.pulse.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pulse.detect.PagePath;

import dev.pulse.catalog.compile.CompiledCatalog;
import static org.assertj.core.api.Assertions.assertThat;

class PageKindMatchingTest
{
    private static final CompiledCatalog CATALOG = compile(String.join("\n",
        "version: 1",
        "site: { key: shop, origins: [https://shop.example] }",
        "pages:",
        "  pricing: { match: [/pricing, /Plans/] }",
        "  docs: { match: [{ prefix: /docs }] }",
        "  reviews: { match: [\"/product/*/reviews\"] }",
        "  product: { match: [\"/product/*\"] }",
        "  help: { match: [\"/help/**\"] }",
        "  cafe: { match: [/caf%C3%A9, /%7Euser] }",
        "  everything_else_under_shop: { match: [{ prefix: /shop }] }",
        "triggers: []",
        "questions: []",
        "responses: []",
        ""));

    private static CompiledCatalog compile(final String text)
    {
        final LoadResult result = new CatalogLoader().load("patterns.yaml", text);
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog();
    }

    private final PagePath path = new PagePath();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/pricing | pricing",
        "/pricing/ | pricing",
        "/PRICING | pricing",
        "/pricing?plan=team | pricing",
        "/pricing#faq | pricing",
        "https://shop.example/pricing?x=1 | pricing",
        "/plans | pricing",
        "/pricing/extra | other",
        "/docs | docs",
        "/docs/ | docs",
        "/docs/api/v2 | docs",
        "/docsx | other",
        "/product/42/reviews | reviews",
        "/product/42 | product",
        "/product/42/specs | other",
        "/product | other",
        "/help | other",
        "/help/a | help",
        "/help/a/b/c | help",
        "/caf%c3%a9 | cafe",
        "/%7euser | cafe",
        "/~user | cafe",
        "/shop/anything/at/all | everything_else_under_shop",
        "/ | other",
    })
    void shouldMatchNormalisedPaths(final String url, final String kind)
    {
        assertThat(CATALOG.pageKindName(CATALOG.pageKindOf(path.normalise(url)))).isEqualTo(kind);
    }

    @Test
    void shouldLetTheFirstMatchingPatternWin()
    {
        final CompiledCatalog catalog = compile(String.join("\n",
            "version: 1",
            "site: { key: shop, origins: [https://shop.example] }",
            "pages:",
            "  special: { match: [\"/a/special*\"] }",
            "  general: { match: [{ prefix: /a }] }",
            "triggers: []",
            "questions: []",
            "responses: []",
            ""));
        assertThat(catalog.pageKindName(catalog.pageKindOf(path.normalise("/a/special-offer")))).isEqualTo("special");
        assertThat(catalog.pageKindName(catalog.pageKindOf(path.normalise("/a/other")))).isEqualTo("general");
    }

    @Test
    void shouldJudgeForwardMovementByJourneyStage()
    {
        final CompiledCatalog demo = new CatalogLoader().loadDemo().catalog();
        final int pricing = demo.pageKind("pricing");
        assertThat(demo.isForward(pricing, demo.pageKind("checkout"))).isTrue();
        assertThat(demo.isForward(pricing, demo.pageKind("cart"))).isTrue();
        assertThat(demo.isForward(pricing, demo.pageKind("product"))).isFalse();
        assertThat(demo.isForward(pricing, pricing)).isFalse();
        assertThat(demo.isForward(demo.pageKind("products"), demo.pageKind("search"))).as("same stage").isFalse();
        assertThat(demo.isForward(demo.pageKind("faq"), demo.pageKind("checkout"))).as("faq is off the journey").isFalse();
        assertThat(demo.isForward(0, pricing)).isFalse();
    }
}
