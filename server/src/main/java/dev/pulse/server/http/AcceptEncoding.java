package dev.pulse.server.http;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header (RFC 9110, 12.5.3) for the one coding the server offers, gzip. */
final class AcceptEncoding
{
    private AcceptEncoding()
    {
    }

    /**
     * True when the header lists {@code gzip} (or {@code x-gzip}, or failing both {@code *}) with a
     * weight above zero; false for no header, so a client that says nothing gets the plain bytes.
     */
    static boolean acceptsGzip(final String header)
    {
        if (header == null)
        {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (final String item : header.split(","))
        {
            final String[] parts = item.split(";");
            final String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            final boolean wanted = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip"))
            {
                gzip = wanted;
            }
            else if (coding.equals("*"))
            {
                any = wanted;
            }
        }
        return gzip != null ? gzip : Boolean.TRUE.equals(any);
    }

    /** The item's q (1 when absent; 0 when unreadable, so a garbled weight never turns a coding on). */
    private static double weight(final String[] parts)
    {
        for (int i = 1; i < parts.length; i++)
        {
            final String parameter = parts[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q') && parameter.charAt(1) == '=')
            {
                try
                {
                    return Double.parseDouble(parameter.substring(2).trim());
                }
                catch (final NumberFormatException ex)
                {
                    return 0;
                }
            }
        }
        return 1;
    }
}
