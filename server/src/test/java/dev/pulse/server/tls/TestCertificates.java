package dev.pulse.server.tls;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made in the test by the JDK's own
 * {@code keytool} (no network, no BouncyCastle) and written out as the PEM files Pulse reads.
 */
public final class TestCertificates
{
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Path certFile;
    private final Path keyFile;
    private final X509Certificate certificate;

    private TestCertificates(final Path certFile, final Path keyFile, final X509Certificate certificate)
    {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.certificate = certificate;
    }

    /** Generates an RSA key pair and its certificate into {@code dir} as {@code name.crt.pem} and {@code name.key.pem}. */
    public static TestCertificates generate(final Path dir, final String name) throws Exception
    {
        Files.createDirectories(dir);
        final Path keystore = dir.resolve(name + ".p12");
        final Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", keystore.toString(),
            "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
        final String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0)
        {
            throw new IllegalStateException("keytool failed: " + output);
        }
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore))
        {
            store.load(in, PASSWORD);
        }
        final X509Certificate certificate = (X509Certificate)store.getCertificate(name);
        final PrivateKey key = (PrivateKey)store.getKey(name, PASSWORD);
        final Path certFile = dir.resolve(name + ".crt.pem");
        final Path keyFile = dir.resolve(name + ".key.pem");
        Files.writeString(certFile, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
        // The JDK encodes a private key as PKCS#8: exactly what "BEGIN PRIVATE KEY" holds.
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new TestCertificates(certFile, keyFile, certificate);
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    public Path certFile()
    {
        return certFile;
    }

    public Path keyFile()
    {
        return keyFile;
    }

    /** The certificate, as the server presents it. */
    public X509Certificate certificate()
    {
        return certificate;
    }

    /** A client context that trusts this certificate alone. */
    public SSLContext trustingClientContext() throws Exception
    {
        return trusting(this);
    }

    /** A client context that trusts each of these certificates: for a client that sees a server change its certificate. */
    public static SSLContext trusting(final TestCertificates... pairs) throws Exception
    {
        final KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < pairs.length; i++)
        {
            trust.setCertificateEntry("pulse-test-" + i, pairs[i].certificate);
        }
        final TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
