package dev.pulse.catalog;

import java.util.List;

import dev.pulse.catalog.source.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small valid catalog as text, and ways to break it one rule at a time. Tests edit the text so
 * that the line and column of each error are known.
 */
final class CatalogFixture
{
    /** Line numbers below are 1-based, as the diagnostics count them. */
    static final String VALID = String.join("\n",
        "version: 7",                                                              // 1
        "site:",                                                                   // 2
        "  key: acme",                                                             // 3
        "  origins: [https://acme.example]",                                       // 4
        "pages:",                                                                  // 5
        "  pricing: { match: [/pricing], key: true }",                             // 6
        "  faq: { match: [{ prefix: /faq }] }",                                    // 7
        "  cart: { match: [/cart], key: true }",                                   // 8
        "  checkout: { match: [/checkout], key: true }",                           // 9
        "journey: [pricing, cart, checkout]",                                      // 10
        "triggers:",                                                               // 11
        "  - id: loop",                                                            // 12
        "    detector: back_and_forth",                                            // 13
        "    thresholds: { backs: 3, window: 90s }",                               // 14
        "    pages: [pricing, faq]",                                               // 15
        "    question: decide",                                                    // 16
        "questions:",                                                              // 17
        "  - id: decide",                                                          // 18
        "    text: What's making this hard to decide?",                            // 19
        "    choices:",                                                            // 20
        "      - { id: size, label: Which plan fits my team, response: sizes }",   // 21
        "      - { id: price, label: The price, response: value }",                // 22
        "      - { id: look, label: Just looking, response: value }",              // 23
        "responses:",                                                              // 24
        "  - id: sizes",                                                           // 25
        "    title: Plans by team size",                                           // 26
        "    body: Starter up to 5, Team up to 50.",                               // 27
        "    cta: { label: Compare, url: /pricing#compare }",                      // 28
        "    approved: { by: Dana, at: 2026-11-02 }",                              // 29
        "  - id: value",                                                           // 30
        "    title: Paying less",                                                  // 31
        "    body: Annual billing saves 20%.",                                     // 32
        "    approved: { by: Dana, at: 2026-11-02 }",                              // 33
        "policy: { holdout: 10% }",                                                // 34
        "");

    private CatalogFixture()
    {
    }

    static LoadResult load(final String content)
    {
        return new CatalogLoader().load("catalog.yaml", content);
    }

    /** The valid catalog with one line replaced. */
    static String withLine(final int line, final String replacement)
    {
        final String[] lines = VALID.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }

    /** The valid catalog with lines inserted after {@code line}. */
    static String insertAfter(final int line, final String... inserted)
    {
        final List<String> lines = new java.util.ArrayList<>(List.of(VALID.split("\n", -1)));
        lines.addAll(line, List.of(inserted));
        return String.join("\n", lines);
    }

    /** Asserts the load failed with exactly one error, at that line and column, saying that. */
    static Diagnostic singleError(final LoadResult result, final int line, final int column, final String messagePart)
    {
        assertThat(result.ok()).as(result.report()).isFalse();
        assertThat(result.errors()).as(result.report()).hasSize(1);
        final Diagnostic error = result.errors().get(0);
        assertThat(error.message()).as(result.report()).contains(messagePart);
        assertThat(error.location().file()).isEqualTo("catalog.yaml");
        assertThat(error.location().line()).as(result.report()).isEqualTo(line);
        assertThat(error.location().column()).as(result.report()).isEqualTo(column);
        assertThat(error.hint()).as("every error says what to do: " + error).isNotBlank();
        return error;
    }
}
