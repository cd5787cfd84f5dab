package dev.pulse.journal;

import java.io.IOException;
import java.nio.file.Path;


/**
 * How the server opens its journal: {@link Journal#open(Path, JournalConfiguration, JournalMetrics)} in
 * production. The one seam through which tests hand a server a journal over a fault-injecting
 * segment store (a full or read-only disk).
 */
@FunctionalInterface
public interface JournalOpener
{
    Journal open(Path dir, JournalConfiguration configuration, JournalMetrics metrics) throws IOException;
}
