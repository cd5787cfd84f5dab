package dev.pulse.report;

import java.io.IOException;
import java.nio.file.Path;

import dev.pulse.catalog.CatalogArchive;
import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;

/** A small catalog that names the context key {@code tier} (a trigger's condition), kept in a data directory's archive as the server keeps it. */
final class BreakdownCatalogs
{
    private BreakdownCatalogs()
    {
    }

    /** Compiles the catalog of this version name and keeps its copy in {@code dataDir/catalogs}; returns its version hash. */
    static long keep(final Path dataDir, final String version) throws IOException
    {
        final LoadResult result = new CatalogLoader().load("catalog.yaml", String.join("\n",
            "version: " + version,
            "site:",
            "  key: demo",
            "  origins: [https://demo.example]",
            "pages:",
            "  pricing: { match: [/pricing], key: true }",
            "  cart: { match: [/cart], key: true }",
            "journey: [pricing, cart]",
            "triggers:",
            "  - id: t",
            "    detector: back_and_forth",
            "    thresholds: { backs: 3, window: 90s }",
            "    pages: [pricing]",
            "    when: { context: { tier: pro } }",
            "    question: decide",
            "questions:",
            "  - id: decide",
            "    text: What's making this hard to decide?",
            "    choices:",
            "      - { id: size, label: Which plan fits my team, response: sizes }",
            "      - { id: price, label: The price, response: sizes }",
            "      - { id: look, label: Just looking, response: sizes }",
            "responses:",
            "  - id: sizes",
            "    title: Plans by team size",
            "    body: Starter up to 5.",
            "    approved: { by: Dana, at: 2026-11-02 }",
            "policy: { holdout: 50% }",
            ""));
        if (!result.ok())
        {
            throw new AssertionError(result.report());
        }
        final CompiledCatalog catalog = result.catalog();
        new CatalogArchive(dataDir.resolve(CatalogArchive.DIRECTORY)).keep(catalog);
        return catalog.versionHash();
    }
}
