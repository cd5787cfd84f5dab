package dev.pulse.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Files served from the classpath under {@code /static/}: the browser snippet and the demo store.
 *
 * <p>Only names made of {@code [A-Za-z0-9._-]} segments that do not start with a dot are looked
 * up, so no request can climb out of the folder ({@code ..}, {@code %2e%2e}, backslashes and empty
 * segments are simply not names) or reach a hidden file. Only known file types are served.
 *
 * <p>A file is read once and kept: the set is small and fixed at build time, and after the first
 * request no event loop touches the disk for it. Thread-safe.
 */
final class StaticFiles
{
    private static final int MAX_NAME_LENGTH = 200;

    private final String root;
    private final ConcurrentMap<String, StaticFile> fileByName = new ConcurrentHashMap<>();

    /** A file's bytes and its Content-Type. */
    record StaticFile(byte[] bytes, String contentType)
    {
    }

    /** @param root the classpath folder, with a leading and trailing slash: {@code /static/}. */
    StaticFiles(final String root)
    {
        this.root = root;
    }

    /**
     * A demo page by its path below {@code /demo}: {@code ""} and {@code "/"} are the index, a
     * folder ({@code "/a/"}) its index, a name without an extension {@code name.html} or else
     * {@code name/index.html}, any other name itself.
     */
    Optional<StaticFile> demoPage(final String pathBelowDemo)
    {
        if (pathBelowDemo.isEmpty())
        {
            return find("demo/index.html");
        }
        if (pathBelowDemo.charAt(0) != '/')
        {
            return Optional.empty();
        }
        final String name = pathBelowDemo.substring(1);
        if (name.isEmpty() || name.endsWith("/"))
        {
            return find("demo/" + name + "index.html");
        }
        if (name.lastIndexOf('.') > name.lastIndexOf('/'))
        {
            return find("demo/" + name);
        }
        final Optional<StaticFile> page = find("demo/" + name + ".html");
        return page.isPresent() ? page : find("demo/" + name + "/index.html");
    }

    /** The file at {@code name} below the root, if it exists, is safe to name and of a served type. */
    Optional<StaticFile> find(final String name)
    {
        if (!isSafeName(name))
        {
            return Optional.empty();
        }
        final String contentType = contentType(name);
        if (contentType == null)
        {
            return Optional.empty();
        }
        final StaticFile cached = fileByName.get(name);
        if (cached != null)
        {
            return Optional.of(cached);
        }
        // Misses are not cached: the names that exist are a fixed small set, the names asked for are not.
        final byte[] bytes = read(root + name);
        if (bytes == null)
        {
            return Optional.empty();
        }
        final StaticFile file = new StaticFile(bytes, contentType);
        fileByName.putIfAbsent(name, file);
        return Optional.of(file);
    }

    static boolean isSafeName(final String name)
    {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH)
        {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (c == '/')
            {
                if (segmentStart)
                {
                    return false; // a leading slash or an empty segment
                }
                segmentStart = true;
                continue;
            }
            if (segmentStart && c == '.')
            {
                return false; // ".", ".." and hidden files
            }
            if (!isNameChar(c))
            {
                return false;
            }
            segmentStart = false;
        }
        return !segmentStart;
    }

    private static boolean isNameChar(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    }

    /** By extension; null for a type that is not served. */
    static String contentType(final String name)
    {
        final int dot = name.lastIndexOf('.');
        if (dot < 0 || dot < name.lastIndexOf('/'))
        {
            return null;
        }
        final String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension)
        {
            case "html" -> HttpResponses.HTML;
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "application/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> null;
        };
    }

    private static byte[] read(final String resource)
    {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource))
        {
            return in == null ? null : in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
    }
}
