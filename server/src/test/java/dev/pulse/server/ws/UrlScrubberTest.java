package dev.pulse.server.ws;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pulse.catalog.compile.NameList;

import static org.assertj.core.api.Assertions.assertThat;

/** A URL a client sent, cut down in place: the path, the allowed query parameters, never a fragment. */
class UrlScrubberTest
{
    private static final NameList KEEP = new NameList(List.of("utm_source", "ref"));

    private static String page(final String url)
    {
        final CharField field = new CharField(DecodedMessage.MAX_STRING);
        field.set(url);
        UrlScrubber.keepAllowed(field, KEEP);
        return field.toString();
    }

    private static String hello(final String url)
    {
        final CharField field = new CharField(DecodedMessage.MAX_STRING);
        field.set(url);
        UrlScrubber.pathOnly(field);
        return field.toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/search?q=secret#frag                         | /search",
        "/search?q=secret&utm_source=mail#frag         | /search?utm_source=mail",
        "/search?utm_source=mail&q=secret&ref=x        | /search?utm_source=mail&ref=x",
        "/s?utm_source=a&utm_source=b                  | /s?utm_source=a&utm_source=b",
        "/s?utm_source&q                               | /s?utm_source",
        "/s?q&ref                                      | /s?ref",
        "/s?=secret&ref=1                              | /s?ref=1",
        "/s?&&ref=1&&                                  | /s?ref=1",
        "/s?ref=1;q=secret                             | /s?ref=1",
        "/s?UTM_SOURCE=x&Ref=y                         | /s",
        "/s?utm%5Fsource=secret                        | /s",
        "/s?ref=a?b=c                                  | /s?ref=a?b=c",
        "/s?ref=1#ref=2?utm_source=3                   | /s?ref=1",
        "/s#?ref=1                                     | /s",
        "#only                                         | /",
        "#                                             | /",
        "?q=secret                                     | /",
        "?ref=1                                        | /?ref=1",
        "/s?                                           | /s",
        "/a%3Fq%3Dx?q=secret                           | /a%3Fq%3Dx",
        "/a%23b?q=secret                               | /a%23b",
        "https://user:pw@shop.example/a?q=1&ref=2#f    | /a?ref=2",
        "https://shop.example?ref=2                    | /?ref=2",
        "https://shop.example                          | /",
        "//shop.example/a?q=1                          | /a",
        "/plain                                        | /plain"})
    void shouldKeepThePathAndOnlyTheAllowedParameters(final String url, final String kept)
    {
        assertThat(page(url)).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/search?q=secret#frag        | /search",
        "/search?utm_source=mail      | /search",
        "https://shop.example/a?ref=1 | /a",
        "#frag                        | /",
        "/a#b?c                       | /a"})
    void shouldKeepOnlyThePathOfAHelloUrl(final String url, final String kept)
    {
        assertThat(hello(url)).isEqualTo(kept);
    }

    @Test
    void shouldKeepNoParameterWithAnEmptyList()
    {
        final CharField field = new CharField(64);
        field.set("/s?utm_source=a");
        UrlScrubber.keepAllowed(field, new NameList(List.of()));
        assertThat(field.toString()).isEqualTo("/s");
    }

    @Test
    void shouldLeaveAnAbsentOrEmptyUrlAlone()
    {
        final CharField absent = new CharField(16);
        UrlScrubber.keepAllowed(absent, KEEP);
        assertThat(absent.present()).isFalse();
        assertThat(absent.length()).isZero();
        assertThat(page("")).isEqualTo("/");
    }

    /** A URL at the decoder's limit (cut there by the parser): the secret goes, an allowed parameter behind 1,000 chars stays. */
    @Test
    void shouldScrubAUrlAsLongAsAMessageAllows()
    {
        final String secret = "q=" + "s".repeat(900);
        assertThat(page("/p?" + secret + "&ref=1")).isEqualTo("/p?ref=1");
        final String longPath = "/" + "a".repeat(DecodedMessage.MAX_STRING + 100);
        assertThat(page(longPath + "?q=x")).hasSize(DecodedMessage.MAX_STRING).doesNotContain("?");
        final String full = "?ref=" + "r".repeat(DecodedMessage.MAX_STRING - 5);
        assertThat(page(full)).as("the root's '/' pushes the last char out, never past the capacity").hasSize(DecodedMessage.MAX_STRING)
            .startsWith("/?ref=rr");
        // Cut at the capacity in the middle of a value: what was cut is gone, what stays is still a kept parameter.
        assertThat(page("/p?ref=" + "r".repeat(2_000) + "&q=secret")).startsWith("/p?ref=rrr").doesNotContain("secret")
            .hasSize(DecodedMessage.MAX_STRING);
    }

    /** Runs per page view on the event loop: once warm, nothing allocated. */
    @Test
    void shouldScrubWithoutAllocating()
    {
        final char[] url = "https://shop.example/search?q=secret&utm_source=mail;ref=x&q=again#frag".toCharArray();
        final CharField field = new CharField(DecodedMessage.MAX_STRING);
        for (int i = 0; i < 100_000; i++)
        {
            field.set(url, 0, url.length);
            UrlScrubber.keepAllowed(field, KEEP);
        }
        assertThat(field.toString()).isEqualTo("/search?utm_source=mail&ref=x");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++)
        {
            field.set(url, 0, url.length);
            UrlScrubber.keepAllowed(field, KEEP);
            UrlScrubber.pathOnly(field);
        }
        // One allocation of 16 bytes a call would be 3.2 MB; the bound leaves room only for the
        // measurement itself (the MXBean call may allocate a little), so a per-call allocation fails it.
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(10_000);
    }
}
