package dev.pulse.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** The site's name lists: {@code keep_query} (query parameters a URL keeps) and {@code client_context} (keys a client may set). */
class SiteNameListsTest
{
    private static CompiledCatalog compiled(final String line)
    {
        final LoadResult result = load(insertAfter(4, line));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        return result.catalog();
    }

    @Test
    void shouldCompileTheQueryParametersAPageUrlKeeps()
    {
        final CompiledCatalog catalog = compiled("  keep_query: [utm_source, ref]");

        assertThat(catalog.keepQuery().names()).containsExactly("utm_source", "ref");
        assertThat(catalog.keepQuery().contains("utm_source")).isTrue();
        assertThat(catalog.keepQuery().contains("?ref=1&utm_source=x", 1, 4)).as("a run of chars, no String made").isTrue();
        assertThat(catalog.keepQuery().contains("UTM_SOURCE")).as("names are case-sensitive, as URLs are").isFalse();
        assertThat(catalog.keepQuery().contains("utm_sourc")).isFalse();
        assertThat(catalog.keepQuery().contains("")).isFalse();
    }

    @Test
    void shouldKeepNoQueryParameterAndAllowNoClientContextWhenTheSiteListsNone()
    {
        final CompiledCatalog catalog = load(VALID).catalog();

        assertThat(catalog.keepQuery().isEmpty()).isTrue();
        assertThat(catalog.keepQuery().names()).isEmpty();
        assertThat(catalog.clientContext().isEmpty()).isTrue();
    }

    @Test
    void shouldTakeOneNameAsAListOfOne()
    {
        assertThat(compiled("  keep_query: ref").keepQuery().names()).containsExactly("ref");
        assertThat(compiled("  client_context: device").clientContext().names()).containsExactly("device");
    }

    @Test
    void shouldCompileTheContextKeysAClientMaySet()
    {
        final CompiledCatalog catalog = compiled("  client_context: [device, returning]");

        assertThat(catalog.clientContext().names()).containsExactly("device", "returning");
        assertThat(catalog.clientContext().contains("device")).isTrue();
        assertThat(catalog.clientContext().contains("tier")).isFalse();
    }

    /** Names the server could not compare as sent: escapes, delimiters, spaces, empty, too long. */
    @ParameterizedTest
    @ValueSource(strings = {"utm%5Fsource", "q=1", "a&b", "a b", "\"\"", "x#y", "a?"})
    void shouldRejectAKeepQueryEntryThatIsNotAParameterNameAtItsPlace(final String name)
    {
        final String line = "  keep_query: [utm_source, \"" + name.replace("\"", "") + "\"]";
        final Diagnostic error = singleError(load(insertAfter(4, line)), 5, line.indexOf('"') + 1, "is not a query parameter name");
        assertThat(error.path()).isEqualTo("site.keep_query[1]");
        assertThat(error.hint()).contains("utm_source");
    }

    @Test
    void shouldRejectAKeepQueryNameLongerThan64()
    {
        final String line = "  keep_query: [" + "a".repeat(65) + "]";
        singleError(load(insertAfter(4, line)), 5, 16, "is not a query parameter name");
    }

    @Test
    void shouldRejectAClientContextEntryThatIsNotAContextKeyAtItsPlace()
    {
        final Diagnostic error = singleError(load(insertAfter(4, "  client_context: [device, \"de.vice\"]")), 5, 28, "is not a context key");
        assertThat(error.path()).isEqualTo("site.client_context[1]");
    }

    @Test
    void shouldWarnOfANameListedTwiceAndCompileItOnce()
    {
        final LoadResult result = load(insertAfter(4, "  keep_query: [ref, ref]"));

        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).singleElement().satisfies(warning -> {
            assertThat(warning.message()).contains("listed twice");
            assertThat(warning.location().line()).isEqualTo(5);
            assertThat(warning.location().column()).isEqualTo(21);
        });
        assertThat(result.catalog().keepQuery().names()).containsExactly("ref");
    }

    @Test
    void shouldRejectAKeepQueryThatIsNotAListOfNames()
    {
        final LoadResult result = load(insertAfter(4, "  keep_query: { utm_source: true }"));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors().get(0).path()).isEqualTo("site.keep_query");
    }
}
