package dev.pulse.server.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.pulse.catalog.LoadResult;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.server.metrics.Metrics;

/**
 * What the HTTP routes read from the rest of the server. Each part is a function rather than the
 * object behind it, so the routes know nothing of how sessions or catalogs are kept, and tests
 * hand in lambdas.
 *
 * @param metrics       scraped at {@code /metrics}; 500s are counted as internal errors.
 * @param adminToken    the bearer token for {@code /admin/*}; null (or blank) turns those routes off (404).
 * @param reportToken   a read-only token: it opens {@code GET /admin/report} only; null (or blank): none.
 * @param ready         whether the server takes traffic ({@code /readyz}).
 * @param reloadCatalog reloads the catalog file; may read the disk, so it is called off the event loop.
 * @param sessionJson   a session as JSON by its id, or null if there is none.
 * @param catalog       the catalog being served now.
 * @param reports       makes {@code /admin/report} from the journal, off the event loop.
 * @param subjects      erases and exports sessions and visitors ({@link ErasureRoutes}), off the event loop.
 * @param backups       takes a backup of the data directory ({@link BackupRoute}), on a thread of its own.
 */
public record RouteContext(
    Metrics metrics,
    String adminToken,
    String reportToken,
    BooleanSupplier ready,
    Supplier<LoadResult> reloadCatalog,
    Function<String, String> sessionJson,
    Supplier<CompiledCatalog> catalog,
    ReportWorker reports,
    DataSubjectRequests subjects,
    BackupRequests backups)
{
    /** Routes without erasure or export (every id unknown): tests of the other routes. */
    public RouteContext(final Metrics metrics, final String adminToken, final String reportToken, final BooleanSupplier ready,
        final Supplier<LoadResult> reloadCatalog, final Function<String, String> sessionJson, final Supplier<CompiledCatalog> catalog,
        final ReportWorker reports)
    {
        this(metrics, adminToken, reportToken, ready, reloadCatalog, sessionJson, catalog, reports, DataSubjectRequests.NONE);
    }

    /** Routes without backups: tests of the other routes. */
    public RouteContext(final Metrics metrics, final String adminToken, final String reportToken, final BooleanSupplier ready,
        final Supplier<LoadResult> reloadCatalog, final Function<String, String> sessionJson, final Supplier<CompiledCatalog> catalog,
        final ReportWorker reports, final DataSubjectRequests subjects)
    {
        this(metrics, adminToken, reportToken, ready, reloadCatalog, sessionJson, catalog, reports, subjects, BackupRequests.NONE);
    }

    public RouteContext
    {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(reloadCatalog, "reloadCatalog");
        Objects.requireNonNull(sessionJson, "sessionJson");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(backups, "backups");
    }

    /** Whether {@code /admin/*} is on: some token opens some of it. */
    public boolean adminEnabled()
    {
        return isSet(adminToken) || isSet(reportToken);
    }

    static boolean isSet(final String token)
    {
        return token != null && !token.isBlank();
    }
}
