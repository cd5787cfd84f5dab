package dev.pulse.catalog;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.source.Diagnostic;

import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static dev.pulse.catalog.CatalogFixture.withLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code backend_event} trigger in the catalog: its event name and field conditions accepted and
 * refused, each refusal at its place with what to do; and the {@code scrolled_back} condition.
 * (What the compiled trigger then detects is {@code BackendTriggerCompileTest}'s.)
 */
class BackendEventTriggerTest
{
    /** The fixture's trigger (lines 12-16) made a backend_event one, {@code extra} lines after its detector. */
    static String backendTrigger(final String... extra)
    {
        final String detector = "    detector: backend_event";
        final String[] lines = CatalogFixture.VALID.split("\n", -1);
        final java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++)
        {
            if (i == 12)
            {
                out.add(detector);
                out.addAll(java.util.List.of(extra));
            }
            else if (i != 13)
            {
                out.add(lines[i]);
            }
        }
        return String.join("\n", out);
    }

    @Test
    void shouldAcceptANameWithTextNumberAndComparisonConditions()
    {
        final LoadResult result = load(backendTrigger(
            "    event: payment_declined",
            "    thresholds: { count: 2, window: 15m }",
            "    fields: { reason: card_declined, attempts: 3, amount: \">= 100\", score: \"<0.5\", retries: \"== 2\" }"));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }

    @Test
    void shouldAcceptANameAlone()
    {
        final LoadResult result = load(backendTrigger("    event: order_failed"));
        assertThat(result.ok()).as(result.report()).isTrue();
    }

    @Test
    void shouldRefuseABackendEventTriggerWithoutAName()
    {
        final Diagnostic error = singleError(load(backendTrigger()), 12, 5, "a backend_event trigger needs the event's name");
        assertThat(error.path()).isEqualTo("triggers[0].event");
    }

    @Test
    void shouldRefuseANameWithSpaces()
    {
        final Diagnostic error = singleError(load(backendTrigger("    event: payment declined")), 14, 12,
            "'payment declined' is not a backend event name");
        assertThat(error.path()).isEqualTo("triggers[0].event");
    }

    @Test
    void shouldRefuseAComparisonWithoutANumber()
    {
        final Diagnostic error = singleError(load(backendTrigger("    event: payment_declined", "    fields: { amount: \">= lots\" }")),
            15, 23, "'>= lots' compares with no number");
        assertThat(error.path()).isEqualTo("triggers[0].fields.amount");
        assertThat(error.hint()).contains("amount: \">= 100\"");
    }

    @Test
    void shouldRefuseAnEmptyFieldValue()
    {
        singleError(load(backendTrigger("    event: payment_declined", "    fields: { reason: \" \" }")), 15, 23,
            "a field condition needs a value");
    }

    @Test
    void shouldRefuseAFieldNameWithSpaces()
    {
        singleError(load(backendTrigger("    event: payment_declined", "    fields: { \"card type\": visa }")), 15, 28,
            "'card type' is not a field name");
    }

    @Test
    void shouldRefuseMoreFieldConditionsThanAnEventCarries()
    {
        final Diagnostic error = singleError(load(backendTrigger("    event: payment_declined",
            "    fields: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 }")), 12, 5,
            "9 field conditions, but an event carries at most 8 fields");
        assertThat(error.path()).isEqualTo("triggers[0].fields");
    }

    @Test
    void shouldRefuseACountAboveWhatTheSessionKeeps()
    {
        singleError(load(backendTrigger("    event: payment_declined", "    thresholds: { count: 9 }")), 15, 26,
            "count 9 is out of its sane range [1, 8]");
    }

    @Test
    void shouldRefuseAnEventNameOnAnotherDetector()
    {
        final Diagnostic error = singleError(load(withLine(14, "    event: payment_declined")), 14, 12,
            "only a backend_event trigger takes 'event'");
        assertThat(error.hint()).contains("detector: backend_event");
    }

    @Test
    void shouldRefuseFieldsOnAnotherDetector()
    {
        singleError(load(withLine(14, "    fields: { reason: card_declined }")), 14, 23, "only a backend_event trigger takes 'fields'");
    }

    @Test
    void shouldAcceptScrolledBackAsACondition()
    {
        final LoadResult result = load(withLine(14, "    when: { scrolled_back: 2 }"));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }

    @Test
    void shouldRefuseScrolledBackOutOfRange()
    {
        final Diagnostic error = singleError(load(withLine(14, "    when: { scrolled_back: 0 }")), 14, 28,
            "scrolled_back 0 is out of its sane range [1, 20]");
        assertThat(error.path()).isEqualTo("triggers[0].when.scrolled_back");
        assertThat(error.hint()).contains("scrolled_back: 2");
    }

    @Test
    void shouldRefuseScrolledBackThatIsNotAWholeNumber()
    {
        singleError(load(withLine(14, "    when: { scrolled_back: twice }")), 14, 28, "expected a whole number");
    }
}
