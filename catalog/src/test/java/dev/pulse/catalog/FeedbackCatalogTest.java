package dev.pulse.catalog;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.compile.FeedbackCopy;
import dev.pulse.catalog.source.Diagnostic;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** "Did this help?": the site's default ({@code site.feedback}), a response's own override, and the wording. */
class FeedbackCatalogTest
{
    private static CompiledCatalog compiled(final String text)
    {
        final LoadResult result = load(text);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        return result.catalog();
    }

    private static CompiledResponse response(final CompiledCatalog catalog, final String id)
    {
        return catalog.responses().stream().filter(response -> response.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldAskNothingWhenTheSiteSaysNothing()
    {
        final CompiledCatalog catalog = compiled(VALID);

        assertThat(response(catalog, "sizes").feedback()).isNull();
        assertThat(response(catalog, "value").feedback()).isNull();
    }

    @Test
    void shouldAskUnderEveryResponseInTheDefaultWordingWhenTheSiteTurnsItOn()
    {
        final CompiledCatalog catalog = compiled(insertAfter(4, "  feedback: true"));

        assertThat(response(catalog, "sizes").feedback()).isEqualTo(FeedbackCopy.DEFAULT);
        assertThat(response(catalog, "value").feedback()).isEqualTo(FeedbackCopy.DEFAULT);
        assertThat(FeedbackCopy.DEFAULT.question()).isEqualTo("Did this help?");
    }

    @Test
    void shouldLetAResponseTurnItOffOrOnAgainstTheSite()
    {
        final CompiledCatalog off = compiled(insertAfter(29, "    feedback: false").replace("  origins: [https://acme.example]",
            "  origins: [https://acme.example]\n  feedback: true"));
        assertThat(response(off, "sizes").feedback()).as("its own false wins").isNull();
        assertThat(response(off, "value").feedback()).isEqualTo(FeedbackCopy.DEFAULT);

        final CompiledCatalog on = compiled(insertAfter(29, "    feedback: true"));
        assertThat(response(on, "sizes").feedback()).as("its own true wins").isEqualTo(FeedbackCopy.DEFAULT);
        assertThat(response(on, "value").feedback()).isNull();
    }

    @Test
    void shouldTakeTheSitesWordingAndKeepTheDefaultForWhatItLeavesOut()
    {
        final CompiledCatalog catalog = compiled(insertAfter(4, "  feedback: true",
            "  feedback_copy: { question: \"War das hilfreich?\", yes: Ja, no: Nein }"));

        assertThat(response(catalog, "sizes").feedback())
            .isEqualTo(new FeedbackCopy("War das hilfreich?", "Ja", "Nein", FeedbackCopy.DEFAULT.thanks()));
    }

    @Test
    void shouldRejectFeedbackThatIsNotABooleanAtItsPlace()
    {
        singleError(load(insertAfter(4, "  feedback: sometimes")), 5, 13, "expected true or false");
    }

    @Test
    void shouldRejectBlankWordingAtItsPlace()
    {
        final Diagnostic error = singleError(load(insertAfter(4, "  feedback_copy: { question: \" \" }")), 5, 30, "feedback wording");
        assertThat(error.path()).isEqualTo("site.feedback_copy.question");
    }

    @Test
    void shouldRejectAnUnknownWordingKey()
    {
        final LoadResult result = load(insertAfter(4, "  feedback_copy: { maybe: Perhaps }"));
        assertThat(result.ok()).as(result.report()).isFalse();
        assertThat(result.report()).contains("maybe");
    }
}
