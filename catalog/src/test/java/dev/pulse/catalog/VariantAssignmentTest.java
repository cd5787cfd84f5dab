package dev.pulse.catalog;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.compile.CompiledQuestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VariantAssignmentTest
{
    private static final int SESSIONS = 100_000;

    private static CompiledQuestion questionWithWeights(final String... weights)
    {
        final StringBuilder variants = new StringBuilder("    variants:\n");
        for (int i = 0; i < weights.length; i++)
        {
            variants.append("      - { id: v").append(i).append(", weight: ").append(weights[i]).append(", text: Copy ").append(i).append(" }\n");
        }
        final LoadResult result = CatalogFixture.load(CatalogFixture.insertAfter(23, variants.toString().stripTrailing().split("\n")));
        assertThat(result.ok()).as(result.report()).isTrue();
        return result.catalog().questions().get(0);
    }

    @Test
    void shouldAssignTheSameVariantToTheSameSessionEveryTime()
    {
        final CompiledQuestion question = questionWithWeights("50", "50");
        final SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++)
        {
            final long hi = random.nextLong();
            final long lo = random.nextLong();
            final int variant = question.variantFor(hi, lo);
            assertThat(question.variantFor(hi, lo)).isEqualTo(variant);
            assertThat(question.copy(variant, -1).variantId()).isEqualTo("v" + variant);
            assertThat(question.copy(variant, -1).text()).isEqualTo("Copy " + variant);
        }
    }

    @Test
    void shouldSplitEvenWeightsWithin2Percent()
    {
        assertShares(questionWithWeights("50", "50"), 0.5, 0.5);
    }

    @Test
    void shouldSplitUnevenWeightsWithin2Percent()
    {
        assertShares(questionWithWeights("70", "20", "10"), 0.7, 0.2, 0.1);
    }

    @Test
    void shouldServeTheDefaultCopyWhenThereAreNoVariants()
    {
        final CompiledQuestion question = CatalogFixture.load(CatalogFixture.VALID).catalog().questions().get(0);
        assertThat(question.variantCount()).isOne();
        assertThat(question.variantFor(1, 2)).isZero();
        assertThat(question.copy(0, -1).variantId()).isEqualTo("default");
        assertThat(question.copy(0, -1).text()).isEqualTo("What's making this hard to decide?");
        assertThat(question.copy(0, -1).labels()).containsExactly("Which plan fits my team", "The price", "Just looking");
    }

    private static void assertShares(final CompiledQuestion question, final double... expected)
    {
        final int[] counts = new int[expected.length];
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SESSIONS; i++)
        {
            counts[question.variantFor(random.nextLong(), random.nextLong())]++;
        }
        for (int v = 0; v < expected.length; v++)
        {
            assertThat(counts[v] / (double)SESSIONS).as("share of variant %d", v).isCloseTo(expected[v], within(0.02));
        }
    }
}
