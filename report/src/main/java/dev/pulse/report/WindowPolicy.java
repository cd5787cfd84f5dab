package dev.pulse.report;

import dev.pulse.catalog.compile.CatalogCompiler;
import dev.pulse.catalog.compile.CompiledCatalog;
import dev.pulse.detect.governor.GovernorPolicy;

/**
 * What the report needs of one catalog version: the longest a window it opened can stay open
 * ({@code outcome_window} + {@code session_expiry}: a forward within the window, a stall at its end,
 * an exit at the latest when the session expires after the window) and the holdout share it drew
 * with. The session sweeper notices an expiry on its next pass, so {@link #SWEEP_GRACE_MS} is added.
 *
 * @param maxOpenMs    the longest a window of this version stays open.
 * @param holdoutShare the chance a unit was held out.
 * @param known        false when the version's copy could not be read and the defaults stand in.
 */
public record WindowPolicy(long maxOpenMs, double holdoutShare, boolean known)
{
    /** Time for the session sweeper to reach an expired session after its expiry (a pass takes at most 30 s). */
    public static final long SWEEP_GRACE_MS = 60_000;

    /** The defaults of a catalog that sets neither (10 min + 30 min, 10% holdout), for versions the report cannot read. */
    public static final WindowPolicy DEFAULTS = new WindowPolicy(CatalogCompiler.DEFAULT_OUTCOME_WINDOW_MS
        + CatalogCompiler.DEFAULT_SESSION_EXPIRY_MS + SWEEP_GRACE_MS, GovernorPolicy.DEFAULT_HOLDOUT_PER_MILLION / 1e6, false);

    public static WindowPolicy of(final CompiledCatalog catalog)
    {
        return new WindowPolicy(catalog.outcomeWindowMs() + catalog.sessionExpiryMs() + SWEEP_GRACE_MS,
            catalog.governor().policy().holdoutPerMillion() / 1e6, true);
    }
}
