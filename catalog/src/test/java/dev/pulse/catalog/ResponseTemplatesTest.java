package dev.pulse.catalog;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.TemplateFiller;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** Response templates: the validator's refusals, the keys a session keeps, the fill and its fallback. */
class ResponseTemplatesTest
{
    private final SessionStateFlyweight state = new SessionStateFlyweight();
    private final TemplateFiller filler = new TemplateFiller();

    ResponseTemplatesTest()
    {
        state.wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0).init(1, 2, 3, 0);
    }

    /** The fixture with context keys declared and the first response's body replaced. */
    private static String withBody(final String body)
    {
        return VALID.replace("  origins: [https://acme.example]", "  origins: [https://acme.example]\n  context_keys: [first_name, plan]")
            .replace("    body: Starter up to 5, Team up to 50.", "    body: \"" + body + "\"");
    }

    private String fill(final String template)
    {
        return filler.fill(template, state.context(), new StringBuilder()).toString();
    }

    @Test
    void shouldFillValuesAndFallBackWhereTheSessionHasNone()
    {
        final String template = "Hi {{first_name|there}}, {{ plan |}}plans: see {{x|below}}.";
        assertThat(fill(template)).isEqualTo("Hi there, plans: see below.");
        state.context().putContextText(Hash64.of("first_name"), "Ada", false);
        state.context().putContextText(Hash64.of("plan"), "Pro ", true);
        assertThat(fill(template)).isEqualTo("Hi Ada, Pro plans: see below.");
        assertThat(fill("no placeholder")).isEqualTo("no placeholder");
        assertThat(fill("unclosed {{first_name|x")).as("copied as it stands").isEqualTo("unclosed {{first_name|x");
    }

    @Test
    void shouldKeepAMarkupValueAsPlainCharacters()
    {
        state.context().putContextText(Hash64.of("first_name"), "<img src=x onerror=alert(1)>", false);
        assertThat(fill("Hi {{first_name|there}}")).isEqualTo("Hi <img src=x onerror=alert(1)>");
    }

    @Test
    void shouldCompileTheKeysTemplatesUse()
    {
        final LoadResult result = load(withBody("Hi {{first_name|there}}, {{plan|}} {{first_name|again}}"));
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        final CompiledCatalog catalog = result.catalog();
        assertThat(catalog.templateKeys().names()).containsExactly("first_name", "plan");
        assertThat(catalog.responses().get(0).copy(-1).body()).as("the catalog keeps the template, never a value")
            .isEqualTo("Hi {{first_name|there}}, {{plan|}} {{first_name|again}}");
    }

    @Test
    void shouldRefuseAPlaceholderWithoutAFallback()
    {
        final Diagnostic error = singleError(load(withBody("Hi {{first_name}}")), 28, 11, "{{first_name}} has no fallback");
        assertThat(error.hint()).contains("{{first_name|there}}");
    }

    @Test
    void shouldRefuseAnUndeclaredKey()
    {
        final Diagnostic error = singleError(load(withBody("Hi {{nickname|there}}")), 28, 11, "{{nickname}} names no declared context key");
        assertThat(error.hint()).contains("first_name, plan");
    }

    @Test
    void shouldRefuseAnUnclosedPlaceholder()
    {
        singleError(load(withBody("Hi {{first_name|there")), 28, 11, "is never closed");
    }

    @Test
    void shouldRefuseAPlaceholderInAUrlOrAQuestion()
    {
        singleError(load(withBody("ok").replace("url: /pricing#compare", "url: \"/p/{{plan|x}}\"")), 29, 33, "unsafe call-to-action URL");
        singleError(load(withBody("ok").replace("text: What's making this hard to decide?", "text: \"{{first_name|Hi}}, what's hard?\"")), 20, 11,
            "placeholders cannot go in a question");
    }

    @Test
    void shouldRefuseMoreKeysThanASessionKeeps()
    {
        final String text = withBody("{{first_name|a}} {{plan|b}} {{c|c}} {{d|d}}").replace("context_keys: [first_name, plan]",
            "context_keys: [first_name, plan, c, d]");
        singleError(load(text), 3, 3, "the responses insert 4 context keys");
    }
}
