package dev.pulse.server.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest
{
    private final StaticFiles files = new StaticFiles("/static/");

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/a", "a/", "a//b", "..", "../a", "a/../b", "a/./b", ".a", "a/.b", "a\\b", "a%2e", "a b", "a\u0000", "é"})
    void shouldRefuseNamesThatAreNotPlainRelativeSegments(final String name)
    {
        assertThat(StaticFiles.isSafeName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "demo/product/1.html", "a-b_c.d.css", "img/lamp.svg"})
    void shouldAcceptPlainRelativeNames(final String name)
    {
        assertThat(StaticFiles.isSafeName(name)).isTrue();
    }

    @Test
    void shouldServeOnlyKnownTypes()
    {
        assertThat(StaticFiles.contentType("a.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(StaticFiles.contentType("a.PNG")).isEqualTo("image/png");
        assertThat(StaticFiles.contentType("a.class")).isNull();
        assertThat(StaticFiles.contentType("html")).isNull();
        assertThat(StaticFiles.contentType("a.d/file")).isNull();
    }

    @Test
    void shouldReadAFileOnceAndKeepIt()
    {
        final StaticFiles.StaticFile first = files.find("demo/style.css").orElseThrow();

        assertThat(files.find("demo/style.css")).containsSame(first);
        assertThat(files.find("demo/missing.css")).isEmpty();
    }

    @Test
    void shouldMapExtensionlessPathsToHtmlAndFoldersToTheirIndex()
    {
        assertThat(files.demoPage("/products")).isEqualTo(files.find("demo/products.html"));
        assertThat(files.demoPage("/")).isEqualTo(files.find("demo/index.html"));
        assertThat(files.demoPage("")).isEqualTo(files.find("demo/index.html"));
        assertThat(files.demoPage("/product/")).isEmpty();
        assertThat(files.demoPage("x")).isEmpty();
    }
}
