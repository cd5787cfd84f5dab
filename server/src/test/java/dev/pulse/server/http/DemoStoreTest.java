package dev.pulse.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.PagePath;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo store's pages against what the demo catalog and the brief expect of them. */
class DemoStoreTest
{
    private static final CompiledCatalog CATALOG = new CatalogLoader().loadDemo().catalog();
    private static final StaticFiles FILES = new StaticFiles("/static/");

    /** Each page's path as a browser shows it, and the catalog page kind it must match. */
    private static final Map<String, String> KIND_BY_PATH = Map.ofEntries(
        Map.entry("/demo/", "home"),
        Map.entry("/demo/products", "products"),
        Map.entry("/demo/product/1", "product"),
        Map.entry("/demo/product/2", "product"),
        Map.entry("/demo/product/3", "product"),
        Map.entry("/demo/product/4", "product"),
        Map.entry("/demo/search", "search"),
        Map.entry("/demo/pricing", "pricing"),
        Map.entry("/demo/faq", "faq"),
        Map.entry("/demo/cart", "cart"),
        Map.entry("/demo/checkout", "checkout"),
        Map.entry("/demo/thank-you", "thank_you"));

    private static final List<String> NAV_LINKS = List.of(
        "href=\"/demo/\"", "href=\"/demo/products\"", "href=\"/demo/search\"", "href=\"/demo/pricing\"",
        "href=\"/demo/faq\"", "href=\"/demo/cart\"", "href=\"/demo/checkout\"");

    @Test
    void shouldServeEveryPageAtAPathOfItsCatalogPageKind()
    {
        final PagePath pagePath = new PagePath();
        KIND_BY_PATH.forEach((path, kind) ->
        {
            assertThat(page(path)).as(path).isNotEmpty();
            assertThat(CATALOG.pageKindName(CATALOG.pageKindOf(pagePath.normalise(path)))).as(path).isEqualTo(kind);
        });
    }

    @Test
    void shouldLoadTheSnippetNavigateEverywhereAndLoadNothingExternal()
    {
        for (final String path : KIND_BY_PATH.keySet())
        {
            final String html = page(path);
            assertThat(html).as(path)
                .contains("<script src=\"/pulse.js\" data-site=\"demo\" async></script>\n</body>")
                .contains("<main id=\"main\">", "<nav aria-label=\"Main\">", "<html lang=\"en\">", "name=\"viewport\"")
                .contains(NAV_LINKS)
                .doesNotContain("src=\"http", "href=\"http", "url(", "@import", "novalidate");
        }
    }

    @Test
    void shouldGiveEveryProductPageAnAddToCartButtonAndAQuantityStepper()
    {
        for (int id = 1; id <= 4; id++)
        {
            assertThat(page("/demo/product/" + id)).contains(">Add to cart</button>", "class=\"qty-step\"", "<label for=\"option\">", "alt=\"");
        }
    }

    @Test
    void shouldHaveTheSectionsTheCatalogsResponsesLinkTo()
    {
        assertThat(page("/demo/pricing")).contains("id=\"compare\"", "id=\"annual\"", "<h2>Starter</h2>", "<h2>Team</h2>", "<h2>Business</h2>");
        assertThat(page("/demo/faq")).contains("id=\"shipping\"", "id=\"returns\"", "id=\"features\"", "id=\"contact\"");
    }

    @Test
    void shouldValidateCheckoutInTheBrowserWithRequiredAndPatternFields()
    {
        assertThat(page("/demo/checkout"))
            .contains("id=\"postcode\" required pattern=", "id=\"card\" required inputmode=\"numeric\" pattern=", "class=\"error\"");
    }

    @Test
    void shouldCountSearchResultsAndSayWhenThereAreNone()
    {
        assertThat(page("/demo/search")).contains("id=\"results\"", "data-results=", "<script src=\"/demo/search.js\"></script>", "No results");
        assertThat(page("/demo/search.js")).contains("setAttribute('data-results'");
    }

    @Test
    void shouldHaveNothingInlineThatTheStrictPolicyWouldBlock()
    {
        for (final String path : KIND_BY_PATH.keySet())
        {
            assertThat(page(path)).as(path).doesNotContain("<script>", "<style", " style=", "javascript:", "data:")
                .doesNotContainPattern(" on[a-z]+=");
        }
    }

    @Test
    void shouldKeepTheWholeStoreSmall() throws IOException, URISyntaxException
    {
        final Path root = Path.of(DemoStoreTest.class.getResource("/static/demo").toURI());
        try (Stream<Path> files = Files.walk(root))
        {
            final long bytes = files.filter(Files::isRegularFile).mapToLong(DemoStoreTest::size).sum();
            assertThat(bytes).isLessThan(40 * 1024);
        }
    }

    private static String page(final String path)
    {
        return FILES.demoPage(path.substring("/demo".length()))
            .map(file -> new String(file.bytes(), StandardCharsets.UTF_8))
            .orElse("");
    }

    private static long size(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return in.readAllBytes().length;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
