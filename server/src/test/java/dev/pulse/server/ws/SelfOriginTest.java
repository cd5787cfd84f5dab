package dev.pulse.server.ws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code self} origin: the Origin's scheme is the server's, its host and port the request's Host. */
class SelfOriginTest
{
    @ParameterizedTest(name = "Origin {0}, Host {1}, TLS {2}")
    @CsvSource({
        "http://localhost:9090,        localhost:9090,     false",
        "http://127.0.0.1:41234,       127.0.0.1:41234,    false",
        "http://shop-box.lan:8080,     SHOP-BOX.lan:8080,  false",
        "HTTP://Shop-Box.lan:8080,     shop-box.lan:8080,  false",
        "http://shop-box.lan,          shop-box.lan,       false",
        "http://shop-box.lan,          shop-box.lan:80,    false",
        "http://shop-box.lan:80,       shop-box.lan,       false",
        "https://shop-box.lan,         shop-box.lan:443,   true",
        "https://shop-box.lan:8443,    shop-box.lan:8443,  true",
        "'http://[::1]:9090',          '[::1]:9090',       false"})
    void shouldMatchThePagesOwnOrigin(final String origin, final String host, final boolean tls)
    {
        assertThat(SelfOrigin.matches(origin, host, tls)).isTrue();
    }

    @ParameterizedTest(name = "Origin {0}, Host {1}, TLS {2}")
    @CsvSource({
        // another host: a page elsewhere using a visitor's browser against this server
        "https://evil.example,               localhost:9090,        false",
        "http://localhost.evil.example:9090, localhost:9090,        false",
        "http://127.0.0.1:9090,              localhost:9090,        false",
        // another port: another server on the same box
        "http://localhost:9091,              localhost:9090,        false",
        "http://localhost,                   localhost:9090,        false",
        "http://localhost:9090,              localhost,             false",
        // the scheme the server does not speak
        "https://localhost:9090,             localhost:9090,        false",
        "http://localhost:9090,              localhost:9090,        true",
        // no Host, or an Origin or Host that is not a plain authority
        "http://localhost:9090,              ,                      false",
        "http://localhost:9090,              '',                    false",
        "null,                               localhost:9090,        false",
        "self,                               localhost:9090,        false",
        "http://localhost:9090/,             localhost:9090,        false",
        "http://user@localhost:9090,         user@localhost:9090,   false",
        "http://localhost:90x0,              localhost:90x0,        false",
        "http://localhost:,                  'localhost:',          false",
        "http://:9090,                       :9090,                 false",
        "http://a:b:9090,                    a:b:9090,              false",
        "'http://[::1]9090',                 '[::1]9090',           false"})
    void shouldRefuseAnyOtherOrigin(final String origin, final String host, final boolean tls)
    {
        assertThat(SelfOrigin.matches(origin, host, tls)).isFalse();
    }
}
