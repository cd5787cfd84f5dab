package dev.pulse.server.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pulse.server.config.ConfigException;
import dev.pulse.server.config.ServerConfig;
import dev.pulse.server.metrics.Metrics;

/**
 * The server's certificate as it stands now: read from {@code tls_cert_file} and
 * {@code tls_key_file} at start, again on SIGHUP ({@link #reload}), and whenever either file's
 * content changes ({@link #watch}, every {@code tls_watch_ms}). Each connection's TLS handler is
 * made from {@link #sslContext()} when the connection is accepted, so a reload changes what new
 * handshakes get and nothing of the connections already open: they keep their handler, their
 * session and the certificate they were shown.
 *
 * <p>A pair that cannot be used (a file half written, a key that is not the new certificate's
 * because only one of the two was replaced yet) replaces nothing: the old certificate keeps
 * serving, the problem is logged as an error and counted ({@code pulse_tls_reload_failures_total}).
 * The watch tries again when the files change again, not on every poll, so a bad pair is logged
 * once, not every second.
 *
 * <p>Thread-safe: the event loops read the current context; reloads (the watcher's thread, a
 * signal's thread) are serialised on this object.
 */
public final class LiveCertificate implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveCertificate.class);

    private final Path certFile;
    private final Path keyFile;
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile LoadedCertificate current;
    /** The digest of the files as last read, whether or not they could be used: what the watch compares with. */
    private byte[] lastRead;
    private ScheduledExecutorService watcher;

    private LiveCertificate(final Path certFile, final Path keyFile, final LoadedCertificate first, final byte[] firstRead)
    {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.current = first;
        this.lastRead = firstRead;
    }

    /**
     * Reads the pair {@code config} names and registers its counters and expiry gauge with
     * {@code metrics}; null when TLS is off (neither file given).
     *
     * @throws ConfigException for everything that is wrong with the files (the server does not start).
     */
    public static LiveCertificate open(final ServerConfig config, final Metrics metrics) throws ConfigException
    {
        if (!TlsSettings.configured(config))
        {
            return null;
        }
        final String certText = PemFiles.read(config.tlsCertFile(), TlsSettings.CERT);
        final String keyText = PemFiles.read(config.tlsKeyFile(), TlsSettings.KEY);
        final LoadedCertificate first = TlsSettings.load(config.tlsCertFile(), config.tlsKeyFile(), certText, keyText);
        final LiveCertificate live = new LiveCertificate(config.tlsCertFile(), config.tlsKeyFile(), first, digest(certText, keyText));
        live.register(metrics);
        return live;
    }

    private void register(final Metrics metrics)
    {
        metrics.counter("pulse_tls_reloads_total", "TLS certificate reloads that took effect (SIGHUP or a change of the files).",
            reloads::sum);
        metrics.counter("pulse_tls_reload_failures_total",
            "TLS certificate reloads refused (a file unreadable, half written, or a key that is not the certificate's): "
                + "the previous certificate keeps serving.", failures::sum);
        metrics.gauge("pulse_tls_certificate_expiry_timestamp_seconds", "When the certificate being served expires (Unix time).",
            () -> current.leaf().getNotAfter().getTime() / 1000);
    }

    /** The context new connections' TLS handlers are made from. */
    public SslContext sslContext()
    {
        return current.sslContext();
    }

    /** The certificate new connections are shown. */
    X509Certificate certificate()
    {
        return current.leaf();
    }

    /** Reads the files again and serves them if they can be used (SIGHUP); true if they now serve. */
    public synchronized boolean reload()
    {
        String certText = null;
        String keyText = null;
        try
        {
            certText = PemFiles.read(certFile, TlsSettings.CERT);
            keyText = PemFiles.read(keyFile, TlsSettings.KEY);
            final LoadedCertificate next = TlsSettings.load(certFile, keyFile, certText, keyText);
            current = next;
            reloads.increment();
            LOG.info("TLS certificate reloaded from {}: new connections get {}", certFile, next.describe());
            return true;
        }
        catch (final ConfigException ex)
        {
            failures.increment();
            LOG.error("TLS certificate reload failed; the previous certificate keeps serving until {} and {} hold a valid pair: {}",
                certFile, keyFile, String.join("; ", ex.problems()));
            return false;
        }
        finally
        {
            lastRead = certText == null || keyText == null ? null : digest(certText, keyText);
        }
    }

    /** The watch's check: reloads if either file's content differs from what was last read. */
    synchronized void reloadIfChanged()
    {
        final byte[] now;
        try
        {
            now = digest(PemFiles.read(certFile, TlsSettings.CERT), PemFiles.read(keyFile, TlsSettings.KEY));
        }
        catch (final ConfigException ex)
        {
            // Gone or unreadable for a moment (a file being replaced): checked again at the next poll, reloaded once it reads.
            return;
        }
        if (!Arrays.equals(now, lastRead))
        {
            reload();
        }
    }

    /** Checks the files every {@code periodMs} on a thread of its own and reloads when they changed; once. */
    public synchronized void watch(final long periodMs)
    {
        if (watcher != null)
        {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "pulse-tls-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() ->
        {
            try
            {
                reloadIfChanged();
            }
            catch (final RuntimeException ex)
            {
                // An exception out of a scheduled task would end the watch for good: log it and keep polling.
                LOG.error("TLS certificate check failed; the current certificate keeps serving", ex);
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close()
    {
        if (watcher != null)
        {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    /** SHA-256 over both texts, so the key's text need not be kept to see that it changed. */
    private static byte[] digest(final String certText, final String keyText)
    {
        try
        {
            final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(certText.getBytes(StandardCharsets.ISO_8859_1));
            sha256.update((byte)0);
            sha256.update(keyText.getBytes(StandardCharsets.ISO_8859_1));
            return sha256.digest();
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }
}
