package dev.pulse.catalog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.compile.CompiledResponse;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.detect.AllocationWindows;
import dev.pulse.detect.Hash64;
import dev.pulse.detect.SessionStateFlyweight;

import static dev.pulse.catalog.CatalogFixture.insertAfter;
import static dev.pulse.catalog.CatalogFixture.load;
import static dev.pulse.catalog.CatalogFixture.singleError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A segment's {@code when} in the full condition language (number, any, not, trusted, time, ...),
 * its short form of context values still read as before, the first matching segment winning, and
 * the choice allocation-free.
 */
class SegmentWhenTest
{
    private static final long TEAM = Hash64.of("team_size");
    private static final long PLAN = Hash64.of("plan");
    private static final long DEVICE = Hash64.of("device");

    private final SessionStateFlyweight state = new SessionStateFlyweight();

    SegmentWhenTest()
    {
        state.wrap(new UnsafeBuffer(ByteBuffer.allocateDirect(SessionStateFlyweight.LENGTH)), 0).init(1, 2, 3, 0);
    }

    /** The fixture's response 'sizes' with these segment lines (line 30 onward). */
    private static String withSegments(final String... segments)
    {
        final List<String> lines = new ArrayList<>(List.of("    segments:"));
        lines.addAll(List.of(segments));
        return insertAfter(29, lines.toArray(new String[0]));
    }

    private static CompiledResponse sizes(final String text)
    {
        final LoadResult result = load(text);
        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
        final CompiledCatalog catalog = result.catalog();
        return catalog.questions().get(0).response(0);
    }

    private String chosen(final CompiledResponse response)
    {
        return response.copy(response.segmentFor(state, 0)).title();
    }

    @Test
    void shouldChooseASegmentByANumberCondition()
    {
        final CompiledResponse sizes = sizes(withSegments(
            "      - { id: team, when: { number: { team_size: { at_least: 6 } } }, title: The Team plan }"));
        assertThat(chosen(sizes)).as("no team size").isEqualTo("Plans by team size");
        state.context().putContext(TEAM, Hash64.of("5"), 5, false);
        assertThat(chosen(sizes)).isEqualTo("Plans by team size");
        state.context().putContext(TEAM, Hash64.of("6"), 6, false);
        assertThat(chosen(sizes)).as("at least 6, exactly").isEqualTo("The Team plan");
    }

    @Test
    void shouldChooseBySegmentsWithAnyAndNotAndTheFirstMatchWins()
    {
        final CompiledResponse sizes = sizes(withSegments(
            "      - { id: big, when: { any: [{ number: { team_size: { more_than: 50 } } }, { context: { plan: enterprise } }] }, title: Enterprise }",
            "      - { id: not-free, when: { not: { context: { plan: free } } }, title: Paid }",
            "      - { id: free, when: { plan: free }, title: Free }"));
        assertThat(chosen(sizes)).as("no plan is not free").isEqualTo("Paid");
        state.context().putContext(PLAN, Hash64.of("free"));
        assertThat(chosen(sizes)).as("the short form, third").isEqualTo("Free");
        state.context().putContext(TEAM, Hash64.of("51"), 51, false);
        assertThat(chosen(sizes)).as("any: the first of two segments that match").isEqualTo("Enterprise");
        assertThat(sizes.segmentFor(state, 0)).isZero();
    }

    @Test
    void shouldCountOnlyTrustedValuesInATrustedSegment()
    {
        final CompiledResponse sizes = sizes(withSegments(
            "      - { id: pro, when: { trusted: true, context: { plan: pro } }, title: For Pro customers }"));
        state.context().putContext(PLAN, Hash64.of("pro"));
        assertThat(chosen(sizes)).as("the page says pro").isEqualTo("Plans by team size");
        state.context().putContext(PLAN, Hash64.of("pro"), Double.NaN, true);
        assertThat(chosen(sizes)).as("the backend says pro").isEqualTo("For Pro customers");
    }

    @Test
    void shouldReadTheShortFormAsContextValuesThatMustAllBeEqual()
    {
        final CompiledResponse sizes = sizes(withSegments("      - { id: mobile-pro, when: { device: mobile, plan: pro }, title: Pro on the go }"));
        state.context().putContext(DEVICE, Hash64.of("mobile"));
        assertThat(chosen(sizes)).isEqualTo("Plans by team size");
        state.context().putContext(PLAN, Hash64.of("pro"));
        assertThat(chosen(sizes)).isEqualTo("Pro on the go");
    }

    @Test
    void shouldChooseQuestionCopyBySegmentsToo()
    {
        final LoadResult result = load(insertAfter(19, "    segments:",
            "      - { id: big-team, when: { number: { team_size: { at_least: 6 } } }, text: \"Which plan fits a team your size?\" }"));
        assertThat(result.ok()).as(result.report()).isTrue();
        final var question = result.catalog().questions().get(0);
        assertThat(question.segmentFor(state, 0)).isEqualTo(-1);
        state.context().putContext(TEAM, Hash64.of("12"), 12, false);
        assertThat(question.copy(0, question.segmentFor(state, 0)).text()).isEqualTo("Which plan fits a team your size?");
    }

    @Test
    void shouldRefuseAConditionKeyMixedWithContextKeysWithItsPlace()
    {
        final Diagnostic error = singleError(load(withSegments("      - { id: x, when: { number: { team_size: { at_least: 6 } }, device: mobile }, title: X }")),
            31, 66, "unknown key 'device'");
        assertThat(error.path()).isEqualTo("responses[0].segments[0].when.device");
    }

    @Test
    void shouldValidateASegmentsConditionsAsATriggersWithTheirPlace()
    {
        final Diagnostic error = singleError(load(withSegments("      - { id: x, when: { number: { team_size: { at_least: 6, more_than: 2 } } }, title: X }")),
            31, 73, "at_least and more_than are both lower bounds");
        assertThat(error.path()).isEqualTo("responses[0].segments[0].when.number.team_size.more_than");
        singleError(load(withSegments("      - { id: x, when: { stage_reached: faq }, title: X }")), 31, 41, "'faq' is on no journey stage");
        singleError(load(withSegments("      - { id: x, when: { searched_for: returns }, title: X }")), 31, 40, "which is no intent");
    }

    @Test
    void shouldChooseASegmentWithoutAllocating()
    {
        final CompiledResponse sizes = sizes(withSegments(
            "      - { id: big, when: { any: [{ number: { team_size: { more_than: 50 } } }, { context: { plan: enterprise } }] }, title: Enterprise }",
            "      - { id: late, when: { time: { from: \"22:00\", to: \"06:00\" }, days: [sat, sun] }, title: Weekend nights }",
            "      - { id: team, when: { trusted: true, number: { team_size: { at_least: 6 } }, not: { goal_reached: signup } }, title: Team }"));
        state.context().putContext(TEAM, Hash64.of("8"), 8, true);
        assertThat(choose(sizes, 200_000)).as("the team segment (2), each time, warming up").isEqualTo(2L * 200_000);
        final long chosen = AllocationWindows.assertAllocatesNothing("segment choice", rounds -> choose(sizes, rounds), 20_000);
        assertThat(chosen % (2L * 20_000)).as("the team segment, each time").isZero();
    }

    private long choose(final CompiledResponse response, final int rounds)
    {
        long sum = 0;
        for (int round = 0; round < rounds; round++)
        {
            sum += response.segmentFor(state, round);
        }
        return sum;
    }
}
