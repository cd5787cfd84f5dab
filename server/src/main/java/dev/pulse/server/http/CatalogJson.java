package dev.pulse.server.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;

/** The admin routes' JSON about catalogs, written with Jackson's streaming generator. Thread-safe. */
final class CatalogJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private CatalogJson()
    {
    }

    /**
     * {@code {"ok":true,"version":..,"hash":..,"warnings":[..]}} for a catalog that loaded, else
     * {@code {"ok":false,"errors":[..]}}; each finding is
     * {@code {"file","line","column","path","message","hint"}}.
     */
    static String reloadResult(final LoadResult result)
    {
        return write(json ->
        {
            json.writeStartObject();
            json.writeBooleanField("ok", result.ok());
            if (result.ok())
            {
                json.writeStringField("version", result.catalog().version());
                json.writeStringField("hash", result.catalog().versionHashHex());
                diagnostics(json, "warnings", result.warnings());
            }
            else
            {
                diagnostics(json, "errors", result.errors());
            }
            json.writeEndObject();
        });
    }

    /** {@code {"source","site","version","hash"}} of the catalog being served. */
    static String summary(final CompiledCatalog catalog)
    {
        return write(json ->
        {
            json.writeStartObject();
            json.writeStringField("source", catalog.sourceName());
            json.writeStringField("site", catalog.siteKey());
            json.writeStringField("version", catalog.version());
            json.writeStringField("hash", catalog.versionHashHex());
            json.writeEndObject();
        });
    }

    private static void diagnostics(final JsonGenerator json, final String name, final List<Diagnostic> diagnostics) throws IOException
    {
        json.writeArrayFieldStart(name);
        for (final Diagnostic diagnostic : diagnostics)
        {
            json.writeStartObject();
            json.writeStringField("file", diagnostic.location().file());
            json.writeNumberField("line", diagnostic.location().line());
            json.writeNumberField("column", diagnostic.location().column());
            json.writeStringField("path", diagnostic.path());
            json.writeStringField("message", diagnostic.message());
            json.writeStringField("hint", diagnostic.hint());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private interface Body
    {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(final Body body)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            body.write(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("writing to a string cannot fail", ex);
        }
        return out.toString();
    }
}
