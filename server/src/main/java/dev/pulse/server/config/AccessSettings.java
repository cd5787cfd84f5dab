package dev.pulse.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.pulse.server.auth.SigningKey;
import dev.pulse.server.auth.SigningKeys;

/**
 * The rules between access settings that no single value can break alone (a key given twice, a
 * previous key without a current one, a certificate without its key, the metrics listener on the
 * main port), and the signing keys read from wherever they were given. {@link ConfigLoader} runs
 * the rules, so a bad combination exits 2 like a bad value; the server reads the keys at start.
 */
public final class AccessSettings
{
    private AccessSettings()
    {
    }

    /** Adds a problem for each broken rule, naming the settings involved. */
    static void check(final ServerConfig config, final List<String> problems)
    {
        final int before = problems.size();
        if (config.signingKey() != null && config.signingKeyFile() != null)
        {
            problems.add("signing_key and signing_key_file are both set: give the key one way");
        }
        if (config.signingKeyPrevious() != null && config.signingKeyPreviousFile() != null)
        {
            problems.add("signing_key_previous and signing_key_previous_file are both set: give the key one way");
        }
        final boolean current = config.signingKey() != null || config.signingKeyFile() != null;
        final boolean previous = config.signingKeyPrevious() != null || config.signingKeyPreviousFile() != null;
        if (previous && !current)
        {
            problems.add("signing_key_previous is set without signing_key: a previous key is accepted only during a rotation to a current one");
        }
        if ((config.tlsCertFile() == null) != (config.tlsKeyFile() == null))
        {
            problems.add("tls_cert_file and tls_key_file go together: give both, or neither");
        }
        if (config.metricsBind() != null && config.metricsPort() == null)
        {
            problems.add("metrics_bind is set without metrics_port: the metrics listener needs a port");
        }
        if (config.metricsPort() != null && config.metricsPort() != 0 && config.metricsPort() == config.port() &&
            Objects.equals(config.metricsBind() == null ? config.bind() : config.metricsBind(), config.bind()))
        {
            problems.add("metrics_port is the same as port: give the metrics listener a port of its own");
        }
        if (problems.size() == before)
        {
            // Reading the key files here makes a missing or short key a configuration error, found with the others.
            try
            {
                signingKeys(config);
                clusterKey(config);
            }
            catch (final ConfigException ex)
            {
                problems.addAll(ex.problems());
            }
        }
    }

    /**
     * The keys hellos are checked against, from the settings or the files they name.
     *
     * @return null when no signing key is configured (tokens are then ignored).
     * @throws ConfigException if a key file cannot be read or does not hold a key.
     */
    public static SigningKeys signingKeys(final ServerConfig config) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        final SigningKey current = key(config.signingKey(), config.signingKeyFile(), "signing_key_file", problems);
        final SigningKey previous = key(config.signingKeyPrevious(), config.signingKeyPreviousFile(), "signing_key_previous_file", problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return current == null ? null : new SigningKeys(current, previous);
    }

    /**
     * The key the nodes of a cluster share ({@code cluster_key_file}), which signs and checks the
     * carry of a session; read as {@code signing_key_file} is.
     *
     * @return null when none is configured (no carry is issued, and a hello's is ignored).
     * @throws ConfigException if the file cannot be read or does not hold a key.
     */
    public static SigningKey clusterKey(final ServerConfig config) throws ConfigException
    {
        final List<String> problems = new ArrayList<>();
        final SigningKey key = key(null, config.clusterKeyFile(), "cluster_key_file", problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return key;
    }

    private static SigningKey key(final SigningKey given, final Path file, final String setting, final List<String> problems)
    {
        if (given != null || file == null)
        {
            return given;
        }
        final String text;
        try
        {
            // Latin-1 decodes any byte: a file of the wrong kind is "not a key", not a decoding failure.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            problems.add(setting + ": " + FileProblem.cannotRead(file, ex));
            return null;
        }
        final SigningKey key = SigningKey.parseOrNull(text);
        if (key == null)
        {
            problems.add(setting + ": " + file + " does not hold a key; expected " + SigningKey.EXPECTED);
        }
        return key;
    }
}
