package dev.pulse.server.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest
{
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | false", "'' | false", "gzip | true", "GZIP | true", "x-gzip | true", "'gzip, deflate, br' | true",
        "'br;q=1.0, gzip;q=0.5' | true", "gzip;q=0 | false", "'gzip; q=0.0' | false", "* | true", "'*;q=0' | false",
        "'gzip;q=0, *' | false", "'*, gzip;q=0' | false", "identity | false", "gzip;q=abc | false", "gzipped | false"})
    void shouldAcceptGzipOnlyWhenListedWithAWeightAboveZero(final String header, final boolean expected)
    {
        assertThat(AcceptEncoding.acceptsGzip(header)).isEqualTo(expected);
    }
}
