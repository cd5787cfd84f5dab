package dev.pulse.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAuthTest
{
    private final AdminAuth auth = new AdminAuth("tök-en");

    @Test
    void shouldAcceptTheTokenWithTheBearerSchemeInAnyCase()
    {
        assertThat(auth.accepts("Bearer tök-en")).isTrue();
        assertThat(auth.accepts("BEARER tök-en")).isTrue();
        assertThat(auth.accepts("Bearer  tök-en ")).isTrue();
    }

    @Test
    void shouldAcceptTheTokenAsTheBasicPasswordWithAnyUser()
    {
        assertThat(auth.accepts(basic("admin:tök-en"))).isTrue();
        assertThat(auth.accepts(basic(":tök-en"))).isTrue();
        assertThat(auth.accepts("basic " + Base64.getEncoder().encodeToString("x:tök-en".getBytes(StandardCharsets.UTF_8)))).isTrue();
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
        assertThat(auth.accepts("Basic tök-en")).as("not base64").isFalse();
        assertThat(auth.accepts(basic("tök-en"))).as("no user:password").isFalse();
        assertThat(auth.accepts(basic("tök-en:"))).as("the token as the user, no password").isFalse();
        assertThat(auth.accepts(basic("admin:wrong"))).isFalse();
        assertThat(auth.accepts("Basic ")).isFalse();
        assertThat(auth.accepts("tök-en")).isFalse();
    }

    private static String basic(final String credentials)
    {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
