package dev.pulse.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the report counts and what its numbers mean, in one place: the HTML footer and the JSON
 * {@code method} object print these same sentences, so the documentation cannot drift from the code.
 */
public final class ReportMethod
{
    /** Neither group may have fewer closed windows than this for a lift to be printed. */
    public static final int MIN_CLOSED_WINDOWS = 30;
    /** A response is flagged for its "no" answers only with at least this many answers to "Did this help?". */
    public static final int MIN_FEEDBACK_ANSWERS = 10;

    static final String CONFIDENCE = "95%";
    static final String WINDOW = "An outcome window opens when a question is shown (group shown), when a held-out session would "
        + "have been asked (holdout: shown nothing) and when a shadow trigger signals (shadow). It closes once: forward (a page "
        + "forward of where the person was stuck, or a goal, within the window), exited (the session ended first) or stalled "
        + "(the window ran out while the person was still there). A window counts by the time it opened, and only once complete: "
        + "opened at least its catalog version's outcome_window + session_expiry (+ 1 min for the sweeper) before the end of "
        + "observation, so forward, stalled and exited all had their chance. Outcomes are read up to that long past the range's "
        + "end, for windows opened in it only, so the end of observation is the range's end plus the longest open time, or the "
        + "journal's last record if earlier. Windows still open are counted apart and are in no rate or lift.";
    static final String FORWARD_RATE = "Unit: the visitor (the browser's stable id; the session when the snippet sends none). "
        + "The headline counts each visitor once, by its first complete window in the range: treated when that window was shown, "
        + "control when held out, a success when it moved forward. Before its first stuck moment nothing was shown to a visitor "
        + "in either arm, so the two arms compare like with like. Per trigger, each visitor's first window of that trigger. "
        + "Lift: treated minus control forward rate, with the relative lift (lift / control rate) beside it.";
    static final String INTERVALS = "Intervals are 95% (z = 1.959964): Wilson score intervals for rates. For the lift over a "
        + "closed range: Newcombe's hybrid score interval (method 10 of Newcombe, Statistics in Medicine 1998;17:873-890) with "
        + "one stratum; with several strata (catalog version and holdout share) the stratified difference, each stratum "
        + "weighted by its share of the units, never pooled naively. For a live range (its end not yet passed): an asymptotic "
        + "confidence sequence (Waudby-Smith et al., Annals of Statistics 2024) on the inverse-propensity-weighted stream "
        + "(Ham et al. 2022), valid however often the report is looked at.";
    static final String CALLS = "A trigger is called up or down only when its p-value, adjusted for the number of triggers by "
        + "Holm's step-down (family-wise error 5%), is at most 0.05; the interval beside it is the trigger's own 95% interval.";
    static final String MINIMUM = "A lift is printed only when both arms have at least " + MIN_CLOSED_WINDOWS + " visitors with a "
        + "complete window; otherwise the report says \"not enough data\".";
    static final String RANGE = "A record counts when its own time is in the range (UTC); an outcome window by the time it opened, "
        + "whenever it closed. Answers and dismisses count only for questions shown in the range, and in it.";
    static final String SIGNALS = "A signal deferred by the page grace is decided again later: it is counted once, under its final "
        + "verdict. \"deferred\" counts deferred signals whose final verdict falls outside the range.";
    static final String SESSIONS = "Sessions: distinct session ids with a session start (new or resumed) in the range. Exposure "
        + "counts the questions shown to each of them in the range.";
    static final String ANSWERS = "Forward rates by answer describe what followed each answer; people choose their answer, so a "
        + "difference between answers is not the effect of the responses: answer and variant splits are exploratory, split by trigger and question. The answer is the one known when the window closed; "
        + "dismissed and unanswered questions share one row.";
    static final String HELPFULNESS = "Helpfulness: the answers to \"Did this help?\" under each response (the catalog's "
        + "feedback), counted when given in the range, per response and per answer (question and choice) that led to it: yes, no, "
        + "and the yes rate with its 95% Wilson interval, beside the forward rate of the shown windows that closed with that "
        + "answer. A response is flagged when at least " + MIN_FEEDBACK_ANSWERS + " people answered and the low end of the 95% "
        + "Wilson interval of its no rate is above 50%: more than half would say it did not help (one-sided, 2.5%, per "
        + "response, not adjusted for the number of responses). People choose whether to answer: exploratory, like the "
        + "answers' forward rates. A feedback never changes an outcome window.";
    static final String SEARCHES = "Searches by intent: each search counts under the catalog intent its words matched (the "
        + "server classifies them before the text is hashed or dropped; no words are read here), or under \"(no intent)\"; a "
        + "failed search returned no results. Searches are counted from the captured events (capture_events), so only on days "
        + "whose events were captured and not compacted away (journal_retention_mode: compact drops them): the report says on how "
        + "many days. Questions asked are the shown signals of the search detectors (failed_search, search_intent), kept on every "
        + "day, with the forward rate of their shown windows: exploratory, not compared with a control.";
    static final String HANDOFFS = "Hand-offs: each offer of a handoff response (its record: someone available or not, by the "
        + "catalog's office hours; the channel), counted when offered in the range. Its shown windows are compared with the holdout "
        + "windows of the same trigger and catalog version, one stratum each, with the interval of the report's range (the lift's "
        + "estimator, windows as units). Exploratory: availability follows the hours, so available and unavailable offers reach "
        + "different visitors; not in the family of the trigger calls.";
    static final String BREAKDOWNS = "Breakdowns split the headline's units (each visitor's first complete window) by the UTC day "
        + "that window opened, by its session's device and the other context keys the catalog names, as the session's first "
        + "hello sent them (the keys the catalog's triggers' conditions and its segments compare: the catalog declares no list "
        + "of its own), by the page kind the visitor was stuck "
        + "on, and by catalog version; every unit is in one cell of each breakdown, so the cells add up to the headline. A cell's "
        + "lift carries the interval of the report's range (fixed-horizon when closed, anytime-valid when live), but breakdowns "
        + "are exploratory: their cells are not in the family the per-trigger calls are adjusted for, nothing is called up or "
        + "down, and among many cells some intervals exclude zero by chance. A session that sent no value is \"(not set)\"; "
        + "a key's values past its first " + SessionContexts.MAX_VALUES + " are \"(other values)\"; a page kind no kept "
        + "catalog knew is \"(unknown)\".";
    static final String TIMES = "Time to forward: from the question (or the moment it would have been asked) to the forward page "
        + "or goal. Percentiles are nearest-rank, read from a histogram of 3 significant digits (at most 0.1% above the exact value).";
    static final String ROUNDING = "Rates are printed as percentages with one decimal, lifts and intervals in percentage points "
        + "with one decimal. Numbers are rounded only when printed: JSON and CSV carry them unrounded, as proportions from 0 to 1.";

    private ReportMethod()
    {
    }

    /** The method as named sentences, in reading order (the JSON {@code method} object adds the numbers). */
    static Map<String, String> sentences()
    {
        final Map<String, String> sentences = new LinkedHashMap<>();
        sentences.put("window", WINDOW);
        sentences.put("forward_rate", FORWARD_RATE);
        sentences.put("intervals", INTERVALS);
        sentences.put("calls", CALLS);
        sentences.put("minimum", MINIMUM);
        sentences.put("range", RANGE);
        sentences.put("signals", SIGNALS);
        sentences.put("sessions", SESSIONS);
        sentences.put("answers", ANSWERS);
        sentences.put("helpfulness", HELPFULNESS);
        sentences.put("searches", SEARCHES);
        sentences.put("handoffs", HANDOFFS);
        sentences.put("breakdowns", BREAKDOWNS);
        sentences.put("time_to_forward", TIMES);
        sentences.put("rounding", ROUNDING);
        return sentences;
    }
}
