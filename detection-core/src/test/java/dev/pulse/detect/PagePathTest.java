package dev.pulse.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagePathTest
{
    private final PagePath path = new PagePath();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/pricing | /pricing",
        "/pricing/ | /pricing",
        "/ | /",
        "'' | /",
        "pricing | /pricing",
        "/Pricing | /pricing",
        "/pricing?plan=team | /pricing",
        "/pricing#faq | /pricing",
        "/pricing/?a=1#b | /pricing",
        "https://shop.example/pricing?x=1 | /pricing",
        "HTTPS://Shop.Example | /",
        "//cdn.example/a/b | /a/b",
        "/a//b/// | /a/b",
        "/%7Euser | /~user",
        "/caf%C3%A9 | /caf%C3%A9",
        "/a%2fb | /a%2Fb",
        "/100% | /100%",
        "/%zz | /%zz",
        "/über | /über",
    })
    void shouldNormalise(final String url, final String expected)
    {
        assertThat(path.normalise(url).toString()).isEqualTo(expected);
        assertThat(path.hash()).isEqualTo(Hash64.of(expected));
    }

    @Test
    void shouldGiveTheSameHashFromACharArraySlice()
    {
        final char[] frame = "xx/Pricing/?a=1yy".toCharArray();
        assertThat(path.normalise(frame, 2, frame.length - 4).hash()).isEqualTo(PagePath.hashOf("/pricing"));
    }

    @Test
    void shouldCutOverlongPathsAtTheLimit()
    {
        final String longPath = "/" + "a".repeat(PagePath.MAX_LENGTH * 2);
        assertThat(path.normalise(longPath).length()).isEqualTo(PagePath.MAX_LENGTH);
    }
}
