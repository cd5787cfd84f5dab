package dev.pulse.server.auth;

import java.util.Objects;

/**
 * The keys a server accepts session tokens under: the current one and, while a rotation is under
 * way, the previous one (tokens minted before the site's backend switched keep working until
 * they expire).
 *
 * @param current  the key tokens are signed with now.
 * @param previous the key before it, or null outside a rotation.
 */
public record SigningKeys(SigningKey current, SigningKey previous)
{
    public SigningKeys
    {
        Objects.requireNonNull(current, "current");
    }
}
