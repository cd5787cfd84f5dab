package dev.pulse.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pulse.catalog.compile.CompiledHandoff;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.source.Diagnostic;

import static dev.pulse.catalog.CatalogFixture.VALID;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/** Responses of kind handoff: what the validator accepts and refuses (with positions), and what the compiler makes. */
class HandoffCatalogTest
{
    /** The hand-off response's lines, from line 34 on; the fixture's "Just looking" choice routes to it. */
    private static final List<String> PERSON = List.of(
        "  - id: person",                                                                                           // 34
        "    kind: handoff",                                                                                        // 35
        "    title: Talk to a person",                                                                              // 36
        "    body: Our team can help you choose.",                                                                  // 37
        "    approved: { by: Dana, at: 2026-11-02 }",                                                               // 38
        "    handoff:",                                                                                             // 39
        "      link: { label: Chat with us, url: \"https://chat.acme.example/start\" }",                           // 40
        "      webhook: \"https://support.acme.example/pulse\"",                                                   // 41
        "      hours: { days: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }",  // 42
        "      unavailable: No one is available right now.");                                                      // 43

    @Test
    void shouldCompileAHandoffWithItsLinkWebhookAndHours()
    {
        final LoadResult result = load(catalog(PERSON));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        final CompiledResponse person = response(result, "person");
        final CompiledHandoff handoff = person.handoff();
        assertThat(handoff.linkLabel()).isEqualTo("Chat with us");
        assertThat(handoff.linkUrl()).isEqualTo("https://chat.acme.example/start");
        assertThat(handoff.webhookUrl()).isEqualTo("https://support.acme.example/pulse");
        assertThat(handoff.unavailable()).isEqualTo("No one is available right now.");
        assertThat(handoff.channel()).isEqualTo("link+webhook");
        assertThat(handoff.hours().describe()).isEqualTo("mon-fri 09:00-17:00 (Europe/Berlin)");
        assertThat(response(result, "sizes").handoff()).as("an answer has no hand-off").isNull();
    }

    @Test
    void shouldAcceptALinkOnlyOrAWebhookOnlyHandoff()
    {
        final LoadResult linkOnly = load(catalog(without(PERSON, 41)));
        assertThat(linkOnly.ok()).as(linkOnly.report()).isTrue();
        assertThat(response(linkOnly, "person").handoff().channel()).isEqualTo("link");
        final LoadResult webhookOnly = load(catalog(without(PERSON, 40)));
        assertThat(webhookOnly.ok()).as(webhookOnly.report()).isTrue();
        assertThat(response(webhookOnly, "person").handoff().channel()).isEqualTo("webhook");
        assertThat(response(webhookOnly, "person").handoff().linkUrl()).isNull();
    }

    @ParameterizedTest(name = "line {0}: {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "35 | '    kind: fax' | fax | unknown response kind 'fax'",
        "40 | '      link: { label: Chat with us, url: \"javascript:alert(1)\" }' | \"javascript | unsafe call-to-action URL",
        "41 | '      webhook: \"http://support.acme.example/pulse\"' | \"http | unsafe hand-off webhook",
        "41 | '      webhook: \"https://user:pw@support.acme.example/\"' | \"https | carries a user name or password",
        "42 | '      hours: { days: [mon, fry], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }' | fry | unknown day",
        "42 | '      hours: { days: [Mon], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin }' | Mon | unknown day",
        "42 | '      hours: { days: [mon], from: \"24:00\", to: \"24:00\", zone: Europe/Berlin }' | \"24:00 | 24:00 ends a day",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"17:00\", zone: CET }' | CET | is not an IANA time zone",
        "42 | '      hours: { days: [mon], from: \"9am\", to: \"17:00\", zone: Europe/Berlin }' | \"9am | not a time of day",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"24:01\", zone: Europe/Berlin }' | \"24:01 | not a time of day",
        "42 | '      hours: { days: [mon], from: \"17:00\", to: \"09:00\", zone: Europe/Berlin }' | \"09:00 | not after they open",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"09:00\", zone: Europe/Berlin }' | \"09:00\", z | not after they open",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"17:00\", zone: Mars/Olympus }' | Mars | not an IANA time zone",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"17:00\", zone: \"+02:00\" }' | \"+02 | not an IANA time zone",
        "42 | '      hours: { days: [mon], from: \"09:00\", to: \"17:00\", zone: Europe/Berlin, nights: yes }' | nights | unknown key",
        "43 | '      unavailable: \"\"' | \"\" | the text is empty"})
    void shouldRefuseABadHandoffAtItsPlace(final int line, final String replacement, final String at, final String message)
    {
        final List<String> lines = new ArrayList<>(PERSON);
        lines.set(line - 34, replacement);
        final Diagnostic error = singleError(load(catalog(lines)), line, column(replacement, at), message);
        assertThat(error.hint()).isNotBlank();
    }

    @Test
    void shouldRefuseAHandoffKindWithoutAHandoff()
    {
        final LoadResult result = load(catalog(PERSON.subList(0, 5)));
        singleError(result, 34, 5, "a response of kind handoff needs 'handoff'");
    }

    @Test
    void shouldRefuseAHandoffOnAnAnswer()
    {
        singleError(load(catalog(without(PERSON, 35))), 39, 7, "'handoff' belongs to a response of kind handoff");
    }

    @Test
    void shouldRefuseAHandoffWithNeitherLinkNorWebhook()
    {
        singleError(load(catalog(without(without(PERSON, 41), 40))), 40, 7, "needs a 'link' or a 'webhook'");
    }

    @Test
    void shouldRefuseAHandoffWithoutHoursOrTheUnavailableText()
    {
        final LoadResult noHours = load(catalog(without(PERSON, 42)));
        assertThat(noHours.errors()).as(noHours.report()).singleElement()
            .satisfies(error -> assertThat(error.message()).contains("a hand-off needs 'hours'"));
        final LoadResult noText = load(catalog(without(PERSON, 43)));
        assertThat(noText.errors()).as(noText.report()).singleElement()
            .satisfies(error -> assertThat(error.message()).contains("'unavailable' is missing"));
    }

    @Test
    void shouldWarnOfADayListedTwiceAsAWhenDaysDoes()
    {
        final List<String> lines = new ArrayList<>(PERSON);
        lines.set(42 - 34, "      hours: { days: [mon, mon], from: \"00:00\", to: \"24:00\", zone: UTC }");
        final LoadResult result = load(catalog(lines));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.warnings()).as(result.report()).singleElement()
            .satisfies(warning -> assertThat(warning.message()).isEqualTo("the day 'mon' is listed twice"));
        assertThat(response(result, "person").handoff().hours().describe()).isEqualTo("mon 00:00-24:00 (UTC)");
    }

    @Test
    void shouldWarnButAcceptABodyAboveTheLongBodyLength()
    {
        final List<String> lines = new ArrayList<>(PERSON);
        lines.set(37 - 34, "    body: \"" + "Our team can help. ".repeat(35) + "\"");
        final LoadResult result = load(catalog(lines));
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.warnings()).as(result.report()).singleElement().satisfies(warning -> {
            assertThat(warning.message()).contains("characters long; above 600").contains("'More'");
            assertThat(warning.location().line()).isEqualTo(37);
        });
    }

    /** The fixture with "Just looking" routed to the hand-off and its lines after line 33. */
    static String catalog(final List<String> handoffLines)
    {
        final List<String> lines = new ArrayList<>(List.of(VALID.split("\n", -1)));
        lines.set(22, "      - { id: look, label: Just looking, response: person }");
        lines.addAll(33, handoffLines);
        return String.join("\n", lines);
    }

    private static List<String> without(final List<String> lines, final int line)
    {
        final List<String> rest = new ArrayList<>(lines);
        rest.remove(line - 34);
        return rest;
    }

    private static int column(final String line, final String at)
    {
        return line.indexOf(at) + 1;
    }

    private static CompiledResponse response(final LoadResult result, final String id)
    {
        return result.catalog().responses().stream().filter(response -> response.id().equals(id)).findFirst().orElseThrow();
    }
}
