package dev.pulse.server.tls;

import java.security.cert.X509Certificate;

import io.netty.handler.ssl.SslContext;

/**
 * A certificate and key pair made into the context TLS handlers are created from, with the
 * certificate it presents (the chain's leaf), for logs and the expiry gauge.
 */
record LoadedCertificate(SslContext sslContext, X509Certificate leaf)
{
    /** For a log line: whom it names, its serial number and when it expires. */
    String describe()
    {
        return leaf.getSubjectX500Principal().getName() + " (serial " + leaf.getSerialNumber().toString(16) + ", valid until "
            + leaf.getNotAfter().toInstant() + ")";
    }
}
