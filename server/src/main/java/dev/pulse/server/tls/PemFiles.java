package dev.pulse.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.FileProblem;

/**
 * Reads the PEM files of {@code tls_cert_file} and {@code tls_key_file} with the JDK alone, so
 * each way a file can be wrong gets its own message naming the setting and the file.
 */
final class PemFiles
{
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String CONVERT_HINT = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem";
    /** The key algorithms a PKCS#8 key is tried as, in order; EdDSA covers Ed25519 and Ed448. */
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "EdDSA"};

    private PemFiles()
    {
    }

    /** The certificate chain, leaf first, as {@code text} (read from {@code file}) lists it. */
    static List<X509Certificate> certificates(final String text, final Path file) throws ConfigException
    {
        final List<X509Certificate> chain = new ArrayList<>();
        final Matcher block = BLOCK.matcher(text);
        while (block.find())
        {
            if (!block.group(1).equals("CERTIFICATE"))
            {
                continue;
            }
            try
            {
                chain.add((X509Certificate)CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(decode(block.group(2), file, TlsSettings.CERT))));
            }
            catch (final CertificateException ex)
            {
                throw new ConfigException(TlsSettings.CERT + ": " + file + " holds a certificate that cannot be read: " + ex.getMessage());
            }
        }
        if (chain.isEmpty())
        {
            throw new ConfigException(TlsSettings.CERT + ": " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The one private key of {@code text} (read from {@code file}): unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    static PrivateKey privateKey(final String text, final Path file) throws ConfigException
    {
        final Matcher block = BLOCK.matcher(text);
        while (block.find())
        {
            final String type = block.group(1);
            if (type.equals("PRIVATE KEY"))
            {
                return pkcs8(decode(block.group(2), file, TlsSettings.KEY), file);
            }
            if (type.equals("ENCRYPTED PRIVATE KEY"))
            {
                throw new ConfigException(TlsSettings.KEY + ": " + file + " holds an encrypted key; Pulse needs it unencrypted (keep the file "
                    + "readable only by the server's user); " + CONVERT_HINT);
            }
            if (type.endsWith(" PRIVATE KEY"))
            {
                throw new ConfigException(TlsSettings.KEY + ": " + file + " holds a " + type + " (the old format); Pulse reads PKCS#8 keys; "
                    + CONVERT_HINT);
            }
        }
        throw new ConfigException(TlsSettings.KEY + ": " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(final byte[] der, final Path file) throws ConfigException
    {
        for (final String algorithm : KEY_ALGORITHMS)
        {
            try
            {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            catch (final GeneralSecurityException ex)
            {
                // Not this algorithm: try the next.
            }
        }
        throw new ConfigException(TlsSettings.KEY + ": " + file + " holds a private key that is not RSA, EC or EdDSA, or is damaged");
    }

    /** The text of the file {@code setting} names, read once: parsed from that text, a file replaced meanwhile cannot mix in. */
    static String read(final Path file, final String setting) throws ConfigException
    {
        try
        {
            // PEM is ASCII; Latin-1 decodes any byte, so a wrong file is "no PEM", not a decoding error.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(setting + ": " + FileProblem.cannotRead(file, ex));
        }
    }

    private static byte[] decode(final String body, final Path file, final String setting) throws ConfigException
    {
        try
        {
            return Base64.getMimeDecoder().decode(body.strip());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(setting + ": " + file + " holds a PEM block that is not valid base64");
        }
    }
}
