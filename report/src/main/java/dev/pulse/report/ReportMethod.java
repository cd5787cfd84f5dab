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

    static final String CONFIDENCE = "95%";
    static final String WINDOW = "An outcome window opens when a question is shown (group shown), when a held-out session would "
        + "have been asked (holdout: shown nothing) and when a shadow trigger signals (shadow). It closes once: forward (a page "
        + "forward of where the person was stuck, or a goal, within the window), exited (the session ended first) or stalled "
        + "(the window ran out while the person was still there). Only closed windows count; windows still open are not in any rate.";
    static final String FORWARD_RATE = "Forward rate: forward windows out of closed windows of the group. Lift: the forward rate "
        + "of shown windows minus that of holdout windows of the same trigger. Holdout sessions pass the same fatigue rules as "
        + "shown ones, so the two groups compare like with like.";
    static final String INTERVALS = "Intervals are 95% (z = 1.959964): Wilson score intervals for rates, and Newcombe's hybrid "
        + "score interval (method 10 of Newcombe, Statistics in Medicine 1998;17:873-890, built from the two Wilson intervals) "
        + "for the lift.";
    static final String MINIMUM = "A lift is printed only when both the shown and the holdout group of the trigger have at least "
        + MIN_CLOSED_WINDOWS + " closed windows; otherwise the report says \"not enough data\".";
    static final String RANGE = "A record counts when its own time is in the range (UTC): an outcome on the day its window closed. "
        + "Answers and dismisses count only for questions shown in the range.";
    static final String SIGNALS = "A signal deferred by the page grace is decided again later: it is counted once, under its final "
        + "verdict. \"deferred\" counts deferred signals whose final verdict falls outside the range.";
    static final String SESSIONS = "Sessions: distinct session ids with a session start (new or resumed) in the range. Exposure "
        + "counts the questions shown to each of them in the range.";
    static final String ANSWERS = "Forward rates by answer describe what followed each answer; people choose their answer, so a "
        + "difference between answers is not the effect of the responses. The answer is the one known when the window closed; "
        + "dismissed and unanswered questions share one row.";
    static final String TIMES = "Time to forward: from the question (or the moment it would have been asked) to the forward page "
        + "or goal. Percentiles are nearest-rank.";
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
        sentences.put("minimum", MINIMUM);
        sentences.put("range", RANGE);
        sentences.put("signals", SIGNALS);
        sentences.put("sessions", SESSIONS);
        sentences.put("answers", ANSWERS);
        sentences.put("time_to_forward", TIMES);
        sentences.put("rounding", ROUNDING);
        return sentences;
    }
}
