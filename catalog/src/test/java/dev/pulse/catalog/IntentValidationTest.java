package dev.pulse.catalog;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.SearchWords;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.trigger.Trigger;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's {@code intents} and a trigger's {@code intent}: each rule with its message and position. */
class IntentValidationTest
{
    /** The fixture with intents (line 39, after the 4 trigger lines) and a search_intent trigger (from line 17 on). */
    private static String withIntents(final String intentsLine, final String... triggerLines)
    {
        final String[] lines = VALID.split("\n", -1);
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++)
        {
            text.append(lines[i]).append('\n');
        }
        for (final String line : triggerLines)
        {
            text.append(line).append('\n');
        }
        for (int i = 16; i < lines.length - 1; i++)
        {
            text.append(lines[i]).append('\n');
        }
        return text.append(intentsLine).append('\n').toString();
    }

    private static final String[] RETURN_TRIGGER = {
        "  - id: returns",            // 17
        "    detector: search_intent", // 18
        "    intent: returns",         // 19
        "    question: decide"};       // 20

    @Test
    void shouldCompileIntentsInCatalogOrderAndNumberTheTriggersIntent()
    {
        final LoadResult result = load(withIntents("intents: { warranty: [warranty, repair*], returns: [return*, \"send back\"] }",
            RETURN_TRIGGER));
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        final CompiledCatalog catalog = result.catalog();
        assertThat(catalog.intents().names()).containsExactly("warranty", "returns");
        assertThat(catalog.intents().classify("Send it BACK", new SearchWords())).isZero();
        assertThat(catalog.intents().classify("Send BACK please", new SearchWords())).isEqualTo(2);
        final Trigger trigger = Arrays.stream(catalog.triggers().all()).filter(t -> t.id().equals("returns")).findFirst().orElseThrow();
        assertThat(trigger.detectorKind()).isEqualTo(DetectorKind.SEARCH_INTENT);
    }

    @Test
    void shouldRejectAnIntentWithNoWords()
    {
        final Diagnostic error = singleError(load(withIntents("intents: { returns: [] }", RETURN_TRIGGER)), 39, 21, "has no words");
        assertThat(error.path()).isEqualTo("intents.returns");
    }

    @Test
    void shouldRejectARegularExpression()
    {
        final Diagnostic error = singleError(load(withIntents("intents: { returns: [return, \"(a+)+b\"] }", RETURN_TRIGGER)), 39, 30,
            "looks like a regular expression");
        assertThat(error.path()).isEqualTo("intents.returns[1]");
        assertThat(error.hint()).contains("refund*");
    }

    @Test
    void shouldRejectAStarInsideAWordAndAShortPrefix()
    {
        singleError(load(withIntents("intents: { returns: [re*turn] }", RETURN_TRIGGER)), 39, 22, "has a * inside a word");
        singleError(load(withIntents("intents: { returns: [re*] }", RETURN_TRIGGER)), 39, 22, "shorter than 3 letters");
    }

    @Test
    void shouldRejectATermTooLongOrOfNoLetters()
    {
        singleError(load(withIntents("intents: { returns: [return, " + "a".repeat(65) + "] }", RETURN_TRIGGER)), 39, 30, "longer than 64");
        singleError(load(withIntents("intents: { returns: [return, \"!!\"] }", RETURN_TRIGGER)), 39, 30, "has no letters or digits");
        singleError(load(withIntents("intents: { returns: [\"a b c d e f g\"] }", RETURN_TRIGGER)), 39, 22, "more than 6 words");
    }

    @Test
    void shouldWarnOfATermListedTwiceAndOfATermInTwoIntents()
    {
        final LoadResult result = load(withIntents("intents: { returns: [return, Return, repair], warranty: [REPAIR] }", RETURN_TRIGGER));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
            "'Return' is listed twice in the intent 'returns'",
            "'REPAIR' is in the intents 'returns' and 'warranty': a search with it is 'returns', declared first");
        assertThat(result.diagnostics().get(1).location().line()).isEqualTo(39);
    }

    @Test
    void shouldRejectAnIntentTheCatalogDoesNotDeclare()
    {
        final Diagnostic error = singleError(load(withIntents("intents: { returns: [return] }",
            "  - id: returns", "    detector: search_intent", "    intent: retunrs", "    question: decide")), 19, 13, "which is no intent");
        assertThat(error.hint()).isEqualTo("did you mean 'returns'?");
    }

    @Test
    void shouldRejectAnIntentOnADetectorThatReadsNone()
    {
        singleError(load(withIntents("intents: { returns: [return] }",
            "  - id: returns", "    detector: rage_click", "    intent: returns", "    question: decide")), 19, 13, "rage_click reads no search intent");
    }

    @Test
    void shouldRejectSearchIntentInACatalogWithoutIntents()
    {
        singleError(load(withIntents("", "  - id: returns", "    detector: search_intent", "    question: decide")), 17, 5,
            "search_intent can never fire: the catalog declares no intents");
    }

    @Test
    void shouldNarrowAFailedSearchToAnIntent()
    {
        final LoadResult result = load(withIntents("intents: { returns: [return] }",
            "  - id: returns", "    detector: failed_search", "    intent: returns", "    question: decide"));
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }
}
