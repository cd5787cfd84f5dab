package dev.pulse.server.config;

import java.nio.file.Path;

import dev.pulse.server.auth.SigningKey;

/**
 * The builder's setters for who may reach what: the admin and report tokens, the signing keys of
 * session tokens, TLS and the metrics listener. The rules between them are {@link AccessSettings}.
 * Sealed to {@link ServerConfigBuilder}, so {@code this} is always the builder.
 */
sealed interface AccessSetters permits ServerConfigBuilder
{
    default ServerConfigBuilder adminToken(final String adminToken)
    {
        return ((ServerConfigBuilder)this).set("adminToken", adminToken);
    }

    default ServerConfigBuilder reportToken(final String reportToken)
    {
        return ((ServerConfigBuilder)this).set("reportToken", reportToken);
    }

    default ServerConfigBuilder adminTokenFile(final Path adminTokenFile)
    {
        return ((ServerConfigBuilder)this).set("adminTokenFile", adminTokenFile);
    }

    default ServerConfigBuilder reportTokenFile(final Path reportTokenFile)
    {
        return ((ServerConfigBuilder)this).set("reportTokenFile", reportTokenFile);
    }

    default ServerConfigBuilder signingKey(final SigningKey signingKey)
    {
        return ((ServerConfigBuilder)this).set("signingKey", signingKey);
    }

    default ServerConfigBuilder signingKeyFile(final Path signingKeyFile)
    {
        return ((ServerConfigBuilder)this).set("signingKeyFile", signingKeyFile);
    }

    default ServerConfigBuilder signingKeyPrevious(final SigningKey signingKeyPrevious)
    {
        return ((ServerConfigBuilder)this).set("signingKeyPrevious", signingKeyPrevious);
    }

    default ServerConfigBuilder signingKeyPreviousFile(final Path signingKeyPreviousFile)
    {
        return ((ServerConfigBuilder)this).set("signingKeyPreviousFile", signingKeyPreviousFile);
    }

    default ServerConfigBuilder tokenMaxTtlMs(final long tokenMaxTtlMs)
    {
        return ((ServerConfigBuilder)this).set("tokenMaxTtlMs", tokenMaxTtlMs);
    }

    default ServerConfigBuilder tlsCertFile(final Path tlsCertFile)
    {
        return ((ServerConfigBuilder)this).set("tlsCertFile", tlsCertFile);
    }

    default ServerConfigBuilder tlsKeyFile(final Path tlsKeyFile)
    {
        return ((ServerConfigBuilder)this).set("tlsKeyFile", tlsKeyFile);
    }

    default ServerConfigBuilder tlsWatchMs(final long tlsWatchMs)
    {
        return ((ServerConfigBuilder)this).set("tlsWatchMs", tlsWatchMs);
    }

    default ServerConfigBuilder metricsBind(final String metricsBind)
    {
        return ((ServerConfigBuilder)this).set("metricsBind", metricsBind);
    }

    default ServerConfigBuilder metricsPort(final Integer metricsPort)
    {
        return ((ServerConfigBuilder)this).set("metricsPort", metricsPort);
    }
}
