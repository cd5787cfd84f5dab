package dev.pulse.catalog.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.detect.AllocationWindows;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalog's intents against a list of real-looking searches (search-intents/queries.tsv). */
class IntentMatcherTest
{
    private final IntentMatcher demo = new CatalogLoader().loadDemo().catalog().intents();
    private final SearchWords words = new SearchWords();

    @Test
    void shouldClassifyEveryQueryOfTheFixture() throws IOException
    {
        final List<String[]> rows = fixture();
        assertThat(rows).as("at least 60 queries").hasSizeGreaterThanOrEqualTo(60);
        final List<String> wrong = new ArrayList<>();
        for (final String[] row : rows)
        {
            final String got = demo.name(demo.classify(row[0], words));
            final String expected = row[1].equals("-") ? null : row[1];
            if (expected == null ? got != null : !expected.equals(got))
            {
                wrong.add("'" + row[0] + "': expected " + expected + ", got " + got);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldReadOnlyTheFirstWordsOfAVeryLongQuery()
    {
        final String filler = "lamp ".repeat(SearchWords.MAX_WORDS);
        assertThat(demo.name(demo.classify("refund " + filler, words))).isEqualTo("returns");
        assertThat(demo.classify(filler + "refund", words)).as("past the words read").isEqualTo(IntentMatcher.NONE);
        assertThat(demo.classify("x".repeat(100_000) + " refund", words)).as("one word longer than the buffer").isEqualTo(IntentMatcher.NONE);
    }

    @Test
    void shouldFoldDecomposedAccentsLikeComposedOnes()
    {
        assertThat(demo.name(demo.classify("devolucio\u0301n", words))).isEqualTo("returns");
        assertThat(demo.name(demo.classify("RU\u0308CKGABE", words))).isEqualTo("returns");
    }

    @Test
    void shouldMatchAPhraseOnlyWithItsWordsTogetherAndInOrder()
    {
        assertThat(demo.name(demo.classify("send  it   back", words))).isEqualTo("returns");
        assertThat(demo.classify("back it send", words)).isEqualTo(IntentMatcher.NONE);
        assertThat(demo.classify("send the lamp back", words)).isEqualTo(IntentMatcher.NONE);
    }

    @Test
    void shouldLetTheIntentDeclaredFirstWinATie()
    {
        final IntentMatcher matcher = new IntentMatcher(List.of("first", "second"), List.of(List.of("lamp"), List.of("lamp", "broken")));
        assertThat(matcher.classify("broken lamp", words)).isEqualTo(1);
        assertThat(matcher.classify("broken", words)).isEqualTo(2);
        assertThat(IntentMatcher.EMPTY.classify("refund", words)).isEqualTo(IntentMatcher.NONE);
    }

    @Test
    void shouldNameIntentsByTheirNumbers()
    {
        assertThat(demo.names()).containsExactly("returns", "warranty", "delivery", "shopping");
        assertThat(demo.number("warranty")).isEqualTo(2);
        assertThat(demo.number("nothing")).isEqualTo(IntentMatcher.NONE);
        assertThat(demo.name(0)).isNull();
        assertThat(demo.name(5)).isNull();
        assertThat(IntentMatcher.canonical("  Send  BACK ")).isEqualTo("send back");
        assertThat(IntentMatcher.canonical("Refund*")).isEqualTo("refund*");
    }

    @Test
    void shouldAllocateNothingPerSearch() throws IOException
    {
        final List<String[]> rows = fixture();
        final StringBuilder[] queries = rows.stream().map(row -> new StringBuilder(row[0])).toArray(StringBuilder[]::new);
        long matched = classifyAll(queries, 20_000);
        // Windows of 2,000 rounds of the fixture until three in a row allocate nothing (AllocationWindows).
        matched += AllocationWindows.assertAllocatesNothing("classify", rounds -> classifyAll(queries, rounds), 2_000);
        assertThat(matched).isPositive();
    }

    private int classifyAll(final StringBuilder[] queries, final int rounds)
    {
        int matched = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (final StringBuilder query : queries)
            {
                matched += demo.classify(query, words) == IntentMatcher.NONE ? 0 : 1;
            }
        }
        return matched;
    }

    private static List<String[]> fixture() throws IOException
    {
        try (InputStream in = IntentMatcherTest.class.getResourceAsStream("/search-intents/queries.tsv"))
        {
            final List<String[]> rows = new ArrayList<>();
            for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
            {
                if (!line.startsWith("#") && line.contains("\t"))
                {
                    final int tab = line.lastIndexOf('\t');
                    rows.add(new String[] {line.substring(0, tab), line.substring(tab + 1).trim()});
                }
            }
            return rows;
        }
    }
}
