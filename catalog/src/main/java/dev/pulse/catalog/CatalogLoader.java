package dev.pulse.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.pulse.catalog.compile.CatalogCompiler;
import dev.pulse.catalog.model.CatalogModel;
import dev.pulse.catalog.model.CatalogReader;
import dev.pulse.catalog.source.Location;
import dev.pulse.catalog.source.Node;
import dev.pulse.catalog.source.SourceReader;
import dev.pulse.catalog.validate.CatalogValidator;

import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.catalog.source.Diagnostic;
import dev.pulse.catalog.source.Diagnostics;
/**
 * Loads a catalog: read the document, check its shape and its meaning, compile it. Every error is
 * found in one pass; a catalog with any error is not compiled. Thread-safe (stateless).
 */
public final class CatalogLoader
{
    /** The bundled demo catalog, on the classpath. */
    public static final String DEMO_RESOURCE = "/dev/pulse/catalog/demo-catalog.yaml";
    /** A catalog file larger than this is refused before parsing. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final SourceReader sourceReader = new SourceReader();
    private final CatalogReader catalogReader = new CatalogReader();
    private final CatalogValidator validator = new CatalogValidator();
    private final CatalogCompiler compiler = new CatalogCompiler();

    public LoadResult load(final Path file)
    {
        final String name = file.toString();
        try
        {
            if (Files.size(file) > MAX_FILE_BYTES)
            {
                return failure(name, "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB", "a catalog is copy, not data: split or trim it");
            }
            return load(name, decode(Files.readAllBytes(file)));
        }
        catch (final CharacterCodingException ex)
        {
            return failure(name, "the file is not UTF-8 text", "save it as UTF-8");
        }
        catch (final IOException ex)
        {
            return failure(name, "cannot be read: " + ex, "check the path and its permissions");
        }
    }

    /** The demo catalog bundled with Pulse. */
    public LoadResult loadDemo()
    {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(DEMO_RESOURCE))
        {
            if (in == null)
            {
                return failure(DEMO_RESOURCE, "the demo catalog is missing from the classpath", "rebuild: ./mvnw package");
            }
            return load("demo-catalog.yaml", decode(in.readAllBytes()));
        }
        catch (final IOException ex)
        {
            return failure(DEMO_RESOURCE, "cannot be read: " + ex, "rebuild: ./mvnw package");
        }
    }

    /** Loads {@code content} as if read from a file called {@code name}. */
    public LoadResult load(final String name, final String content)
    {
        final Diagnostics diagnostics = new Diagnostics();
        final Node root = sourceReader.read(name, content, diagnostics);
        if (root == null)
        {
            return new LoadResult(null, diagnostics.all());
        }
        final CatalogModel model = catalogReader.read(root, diagnostics);
        if (model == null)
        {
            return new LoadResult(null, diagnostics.all());
        }
        validator.validate(model, diagnostics);
        if (diagnostics.hasErrors())
        {
            return new LoadResult(null, diagnostics.all());
        }
        return new LoadResult(compiler.catalog(name, model, content), diagnostics.all());
    }

    private static String decode(final byte[] bytes) throws CharacterCodingException
    {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
    }

    private static LoadResult failure(final String name, final String message, final String hint)
    {
        return new LoadResult(null, List.of(new Diagnostic(Diagnostic.Severity.ERROR, new Location(name, 1, 1), "(file)", message, hint)));
    }
}
