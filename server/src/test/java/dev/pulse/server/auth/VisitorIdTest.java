package dev.pulse.server.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a visitor id may be: 1 to 64 of A-Z a-z 0-9 - _. */
class VisitorIdTest
{
    @ParameterizedTest
    @ValueSource(strings = {"a", "0123456789abcdef0123456789abcdef", "Account_42-x",
        "1234567890123456789012345678901234567890123456789012345678901234"})
    void shouldAcceptAVisitorId(final String id)
    {
        assertThat(VisitorId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b", "a b", "a+b", "é", "a/b", "12345678901234567890123456789012345678901234567890123456789012345"})
    void shouldRefuseAnythingElse(final String id)
    {
        assertThat(VisitorId.isValid(id)).isFalse();
    }
}
