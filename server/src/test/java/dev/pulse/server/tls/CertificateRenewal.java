package dev.pulse.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Two certificate pairs for tests of a certificate reload: the one served first and its renewal.
 * Made once per test JVM, since keytool's key generation is slow on a small machine; tests copy
 * the files and never change them. The directory is deleted when the JVM exits.
 */
public record CertificateRenewal(TestCertificates first, TestCertificates second)
{
    private static CertificateRenewal made;

    /** The two pairs, made on the first call. */
    public static synchronized CertificateRenewal pairs() throws Exception
    {
        if (made == null)
        {
            final Path dir = Files.createTempDirectory("pulse-test-certificates");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-test-certificates"));
            made = new CertificateRenewal(TestCertificates.generate(dir, "first"), TestCertificates.generate(dir, "second"));
        }
        return made;
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
