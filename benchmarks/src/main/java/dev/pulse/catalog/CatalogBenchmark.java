package dev.pulse.catalog;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import dev.pulse.bench.HotPathBenchmark;
import dev.pulse.detect.PagePath;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.trigger.Trigger;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.SearchWords;
/**
 * Catalog lookups on the hot path, against the demo catalog: a URL to its page kind (normalise,
 * exact lookup, then prefix and glob patterns), (detector, page kind) to candidate triggers, and a
 * search's text to its intent.
 * Goal: 0 B/op ({@code -prof gc}).
 */
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CatalogBenchmark extends HotPathBenchmark
{
    /** A mix of exact, prefix, glob and unmatched paths, some with queries and fragments. */
    private static final String[] URLS = {
        "/demo/pricing", "/demo/product/42?colour=red", "/demo/faq/shipping#returns", "/demo/cart/", "/demo/unknown/page",
        "https://shop.example/demo/checkout", "/demo/search?q=lamp", "/demo/product/7",
    };

    /** Searches as customers type them: of an intent, of none, with accents and capitals, one long. */
    private static final String[] QUERIES = {
        "how to return", "refund status", "Where is my order???", "best wireless earbuds under $100", "ceramic mug",
        "garantía del producto", "my lamp is broken can i return it", "lamp ".repeat(40) + "refund",
    };

    private final PagePath path = new PagePath();
    private final SearchWords words = new SearchWords();
    private StringBuilder[] queries;
    private CompiledCatalog catalog;
    private char[][] urls;
    private int next;

    @Setup
    public void setUp()
    {
        catalog = new CatalogLoader().loadDemo().catalog();
        queries = java.util.Arrays.stream(QUERIES).map(StringBuilder::new).toArray(StringBuilder[]::new);
        urls = new char[URLS.length][];
        for (int i = 0; i < URLS.length; i++)
        {
            urls[i] = URLS[i].toCharArray();
        }
    }

    /** A URL's characters (as the decoder holds them) to its page kind. */
    @Benchmark
    public int pageKindLookup()
    {
        final char[] url = urls[next];
        next = next + 1 == urls.length ? 0 : next + 1;
        return catalog.pageKindOf(path.normalise(url, 0, url.length));
    }

    /** A search's text (as the decoder's chars) to the demo catalog's intent: folded, split, matched. */
    @Benchmark
    public int searchIntent()
    {
        final StringBuilder query = queries[next & 7];
        next = next + 1 == urls.length ? 0 : next + 1;
        return catalog.intents().classify(query, words);
    }

    /** The triggers a page view can fire on a page kind. */
    @Benchmark
    public int triggerSelection()
    {
        final int kind = next;
        next = next + 1 == 10 ? 0 : next + 1;
        final Trigger[] candidates = catalog.triggers().candidates(DetectorKind.BACK_AND_FORTH, kind);
        return candidates.length + catalog.triggers().candidates(DetectorKind.CART_CHECKOUT_LOOP, kind).length;
    }
}
