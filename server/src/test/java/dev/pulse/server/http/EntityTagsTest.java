package dev.pulse.server.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTest
{
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | false", "'' | false", "'\"abc\"' | true", "'W/\"abc\"' | true", "'\"x\", \"abc\"' | true", "* | true",
        "abc | false", "'\"abcd\"' | false", "'\"ABC\"' | false"})
    void shouldMatchTheTagWeaklyAsIfNoneMatchAsks(final String header, final boolean expected)
    {
        assertThat(EntityTags.anyMatches(header, "\"abc\"")).isEqualTo(expected);
    }
}
