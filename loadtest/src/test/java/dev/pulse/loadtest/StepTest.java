package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The page sequences the stuck journeys are built from, written out as the catalog's thresholds need them. */
class StepTest
{
    @Test
    void shouldGoBackAndForthWithTheGivenNumberOfBacks()
    {
        assertThat(templates(Step.backAndForth("/faq", "/help", 3))).containsExactly(
            page("/faq", "navigate"),
            page("/help", "navigate"),
            page("/faq", "back"),
            page("/help", "forward"),
            page("/faq", "back"),
            page("/help", "forward"),
            page("/faq", "back"));
    }

    @Test
    void shouldMakeRoundTripsThatEndAtHome()
    {
        assertThat(templates(Step.roundTrips("/cart", "/checkout", 2))).containsExactly(
            page("/cart", "navigate"),
            page("/checkout", "navigate"),
            page("/cart", "navigate"),
            page("/checkout", "navigate"),
            page("/cart", "navigate"));
    }

    @Test
    void shouldGiveEveryStepItsOwnIdToRebuildItFrom()
    {
        final Step[] steps = Step.roundTrips("/a", "/b", 1);

        assertThat(Step.byId(steps[2].id())).isSameAs(steps[2]);
        assertThat(steps[0].id()).isNotEqualTo(steps[2].id());
    }

    private static String page(final String url, final String nav)
    {
        return "{\"t\":\"page\",\"url\":\"" + url + "\",\"nav\":\"" + nav + "\",\"seq\":";
    }

    private static List<String> templates(final Step[] steps)
    {
        return Arrays.stream(steps).map(step -> new String(step.template(), StandardCharsets.US_ASCII)).toList();
    }
}
