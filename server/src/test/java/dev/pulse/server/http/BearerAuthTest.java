package dev.pulse.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerAuthTest
{
    private final BearerAuth auth = new BearerAuth("tök-en");

    @Test
    void shouldAcceptTheTokenWithTheBearerSchemeInAnyCase()
    {
        assertThat(auth.accepts("Bearer tök-en")).isTrue();
        assertThat(auth.accepts("BEARER tök-en")).isTrue();
        assertThat(auth.accepts("Bearer  tök-en ")).isTrue();
    }

    @Test
    void shouldRefuseAnythingElse()
    {
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("")).isFalse();
        assertThat(auth.accepts("Bearer ")).isFalse();
        assertThat(auth.accepts("Bearer tok-en")).isFalse();
        assertThat(auth.accepts("Bearer tök-en2")).isFalse();
        assertThat(auth.accepts("Bearer tök")).isFalse();
        assertThat(auth.accepts("Basic tök-en")).isFalse();
        assertThat(auth.accepts("tök-en")).isFalse();
    }
}
