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
 *   <li>A record counts when its own time is in the {@link dev.pulse.report.ReportRange}
 *   (UTC): an outcome window on the day it closed.</li>
 *   <li>An outcome window opens for each question shown, each holdout ("would have asked") and each
 *   shadow signal, and closes once (one OUTCOME record) as forward, exited or stalled. The forward
 *   rate of a group is forward / closed windows; windows still open are not counted.</li>
 *   <li>Lift = forward rate of shown minus holdout windows, per trigger, with Newcombe's hybrid
 *   score interval (method 10); rates carry Wilson intervals; both 95%, z = 1.959964
 *   ({@link dev.pulse.report.ScoreIntervals}). Fewer than
 *   {@value dev.pulse.report.ReportMethod#MIN_CLOSED_WINDOWS} closed windows in
 *   either group: "not enough data".</li>
 *   <li>A signal deferred by the page grace is counted once, under its final verdict.</li>
 *   <li>Sessions are the distinct session ids with a SESSION_START in the range; answers and
 *   dismisses count for questions shown in the range.</li>
 * </ul>
 * The same sentences, from {@link dev.pulse.report.ReportMethod}, are the HTML
 * report's footer and the JSON report's {@code method} object.
 *
 * <h2>Cost</h2>
 * One sequential read of the journal. Memory grows with the sessions alive at once (a session is
 * dropped when it expires), the number of triggers, questions, answers and variants, and 8 bytes
 * per forward window (exact percentiles).
 */
package dev.pulse.report;
