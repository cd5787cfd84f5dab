package dev.pulse.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.pulse.catalog.CatalogLoader;
import dev.pulse.catalog.LoadResult;

/**
 * {@code pulse catalog validate FILE}: loads a catalog as the server would and prints every
 * finding the way a compiler does, then a summary line. Exit status 1 if there is any error, so
 * it can gate a deploy.
 */
@Command(name = "validate", description = "Checks a catalog file and prints its errors and warnings; exit status 1 if it has errors.")
public final class CatalogValidateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "FILE", description = "The catalog file (YAML).")
    private Path file;

    @Override
    public Integer call()
    {
        final LoadResult result = new CatalogLoader().load(file);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(result.report());
        out.flush();
        return result.ok() ? PulseMain.EXIT_OK : PulseMain.EXIT_INVALID;
    }
}
