/**
 * The outcome report: what the product team reads the next morning. It answers one question per
 * trigger: did asking move people forward, compared with the holdout who were not asked?
 *
 * <h2>Path</h2>
 * {@link dev.pulse.report.JournalReportReader} reads the journal once, start to end,
 * handing each record to a {@link dev.pulse.report.ReportAggregator}, which keeps a
 * tally per kind of figure (signals, sessions and answers, outcome windows, catalog versions) and
 * builds an immutable {@link dev.pulse.report.Report}. A
 * {@link dev.pulse.report.ReportFormat} then writes it as HTML (inline CSS, charts as
 * inline SVG, no script), JSON or CSV. Figures are computed and tested here in Java; the writers
 * only round and lay out. Used by {@code pulse report} and {@code GET /admin/report}.
 *
 * <h2>What is counted</h2>
 * <ul>
 *   <li>An outcome window opens for each question shown, each holdout ("would have asked") and each
 *   shadow signal, and closes once (one OUTCOME record) as forward, exited or stalled. It counts by
 *   the time it <em>opened</em> (in the {@link dev.pulse.report.ReportRange}, UTC), and only once
 *   complete: opened at least its catalog version's {@link dev.pulse.report.WindowPolicy} (outcome
 *   window + session expiry + 1 min) before the end of observation. Records past the range's end are
 *   read for one such time more, only to close windows opened in the range, so the end of observation
 *   is the range's end plus the longest open time, or the last record if earlier: a day's report made
 *   later has no window still open. Windows still open are a count, in no rate.</li>
 *   <li>The unit is the visitor (SESSION_START's value; the session when it is 0): the headline takes
 *   each visitor's first complete window, each trigger each visitor's first window of that trigger.</li>
 *   <li>Strata are catalog versions with their holdout share, never pooled naively. Closed range:
 *   Newcombe's hybrid score interval (one stratum) or a stratified difference (several), p-values
 *   from the continuity-corrected Mantel-Haenszel test; live range: an anytime-valid confidence
 *   sequence ({@link dev.pulse.report.ConfidenceSequence}). Rates carry Wilson intervals; all 95%.
 *   Fewer than {@value dev.pulse.report.ReportMethod#MIN_CLOSED_WINDOWS} units in either arm:
 *   "not enough data".</li>
 *   <li>Per-trigger calls use p-values adjusted for the family of triggers
 *   ({@link dev.pulse.report.MultipleComparisons}: Holm, or Benjamini-Hochberg); answer and variant
 *   splits (by trigger and question) are exploratory.</li>
 *   <li>Breakdowns ({@link dev.pulse.report.Breakdown}) split the headline's units by day, device,
 *   the context keys the catalog names, page kind and catalog version, each cell with the report's
 *   kind of interval; exploratory, outside the family the calls are adjusted for.</li>
 *   <li>A signal deferred by the page grace is counted once, under its final verdict.</li>
 *   <li>Sessions are the distinct session ids with a SESSION_START in the range; answers and
 *   dismisses count for questions shown in the range.</li>
 * </ul>
 * The same sentences, from {@link dev.pulse.report.ReportMethod}, are the HTML
 * report's footer and the JSON report's {@code method} object.
 *
 * <h2>Cost</h2>
 * One sequential read of the journal in 1 MiB blocks. Memory never grows with the number of
 * records: it grows with the catalog (triggers, questions, answers, variants, versions), with what is
 * alive at once in primitive maps and queues (sessions and their open questions, dropped when they
 * expire; the windows and openings of the last longest open time, 32 and 8 bytes each; marks waiting
 * for a record that may never come, which expire), with the breakdown cells (and their candidate first windows of the last longest open time, and one long of context per session alive), and with the distinct visitors: one primitive map
 * entry per visitor for the headline and one per trigger that opened a window for them
 * ({@link dev.pulse.report.FirstWindows}, 25-49 bytes an entry). Time to forward is an HdrHistogram
 * (percentiles to 3 significant digits). {@code ReportMemoryTest} reports 20 million records in a
 * 256 MiB heap.
 */
package dev.pulse.report;
