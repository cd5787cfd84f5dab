package dev.pulse.server.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;

/**
 * The server's TLS, from {@code tls_cert_file} and {@code tls_key_file}: the JDK's provider, TLS
 * 1.3 and 1.2 only, no client certificates. Everything that can be wrong with the files (missing,
 * unreadable, not PEM, an old or encrypted key format, a key that is not the certificate's) is a
 * {@link ConfigException} naming the setting and the file, found before the server opens anything.
 */
public final class TlsSettings
{
    static final String CERT = "tls_cert_file";
    static final String KEY = "tls_key_file";
    /** The protocols served; older ones have known weaknesses. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Logger LOG = LoggerFactory.getLogger(TlsSettings.class);

    private TlsSettings()
    {
    }

    /** The server's TLS context, or null when the config turns TLS off (neither file given). */
    public static SslContext serverContext(final ServerConfig config) throws ConfigException
    {
        return configured(config) ? load(config.tlsCertFile(), config.tlsKeyFile()).sslContext() : null;
    }

    /** Whether the config turns TLS on: true with both files, false with neither; one alone is an error. */
    static boolean configured(final ServerConfig config) throws ConfigException
    {
        if (config.tlsCertFile() == null && config.tlsKeyFile() == null)
        {
            return false;
        }
        if (config.tlsCertFile() == null || config.tlsKeyFile() == null)
        {
            throw new ConfigException("tls_cert_file and tls_key_file go together: give both, or neither");
        }
        return true;
    }

    /** Reads the two files and makes a context of them (everything in the class comment checked). */
    static LoadedCertificate load(final Path certFile, final Path keyFile) throws ConfigException
    {
        return load(certFile, keyFile, PemFiles.read(certFile, CERT), PemFiles.read(keyFile, KEY));
    }

    /** Makes a context of the two files' text, as read from {@code certFile} and {@code keyFile}. */
    static LoadedCertificate load(final Path certFile, final Path keyFile, final String certText, final String keyText)
        throws ConfigException
    {
        final List<X509Certificate> chain = PemFiles.certificates(certText, certFile);
        final PrivateKey key = PemFiles.privateKey(keyText, keyFile);
        requireMatch(chain.get(0), key, certFile, keyFile);
        warnIfNotCurrentlyValid(chain.get(0), certFile);
        try
        {
            return new LoadedCertificate(SslContextBuilder.forServer(key, chain)
                .sslProvider(SslProvider.JDK)
                .protocols(PROTOCOLS)
                .clientAuth(ClientAuth.NONE)
                .build(), chain.get(0));
        }
        catch (final SSLException | RuntimeException ex)
        {
            throw new ConfigException("tls: the certificate " + certFile + " and key " + keyFile + " cannot be used: " + ex.getMessage());
        }
    }

    /**
     * The key must be the certificate's: a mismatch would only show as every handshake failing, so
     * sign a random challenge with the key and verify it with the certificate's public key.
     */
    private static void requireMatch(final X509Certificate certificate, final PrivateKey key, final Path certFile, final Path keyFile)
        throws ConfigException
    {
        final String algorithm = signatureAlgorithm(key);
        final boolean matches;
        try
        {
            final byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            final byte[] signature = signer.sign();
            final Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        }
        catch (final GeneralSecurityException ex)
        {
            // Keys of different algorithms (an EC key for an RSA certificate) land here.
            throw mismatch(certFile, keyFile);
        }
        if (!matches)
        {
            throw mismatch(certFile, keyFile);
        }
    }

    private static String signatureAlgorithm(final PrivateKey key)
    {
        switch (key.getAlgorithm())
        {
            case "RSA":
                return "SHA256withRSA";
            case "EC":
                return "SHA256withECDSA";
            default:
                // EdDSA keys name their own signature algorithm.
                return key.getAlgorithm();
        }
    }

    private static ConfigException mismatch(final Path certFile, final Path keyFile)
    {
        return new ConfigException(KEY + ": " + keyFile + " is not the private key of the certificate in " + certFile);
    }

    private static void warnIfNotCurrentlyValid(final X509Certificate certificate, final Path certFile)
    {
        try
        {
            certificate.checkValidity();
        }
        catch (final CertificateExpiredException | CertificateNotYetValidException ex)
        {
            LOG.warn("the certificate in {} is not valid now ({}): browsers will refuse it", certFile, ex.getMessage());
        }
    }
}
