package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.pulse.journal.JournalRecordFlyweight;
import dev.pulse.journal.OutcomeGroup;

/**
 * Hand-offs offered (HANDOFF records: code 1 someone available, 0 not; the channel), per response,
 * availability and channel, and what followed them: the complete shown windows that offered each,
 * against the holdout windows of the same trigger and catalog version. Each (trigger, version) is a
 * stratum of {@link LiftEstimator}, the report's one estimator, so a hand-off is compared only with
 * the control of the moment that asked, and the interval is the one the report's range calls for.
 *
 * <p>A window is linked to its offer by session and intervention id (the HANDOFF record comes after
 * the answer, before the window's outcome), kept one to two times the longest a window stays open.
 * Fields are read by name, so fields added later change nothing: a record without a channel counts
 * under channel "". Memory: counts per (response, availability, channel) and per (trigger, version),
 * and the links of the last one to two longest open times. Not thread-safe.
 */
final class HandoffTally
{
    private final Map<Offer, Integer> numberByOffer = new HashMap<>();
    private final List<Offer> offers = new ArrayList<>();
    private final List<long[]> offered = new ArrayList<>();
    private final List<Map<Arm, long[]>> treatedByOffer = new ArrayList<>();
    private final Map<Arm, long[]> control = new HashMap<>();
    private final WindowLinks links = new WindowLinks();

    /** A hand-off offered in the range: counted, and linked to its window (kept at least {@code horizonMs}). */
    void onHandoff(final JournalRecordFlyweight record, final long horizonMs)
    {
        offered.get(link(record, horizonMs))[0]++;
    }

    /** A hand-off offered after the range's end, whose window may have opened in it: linked only. */
    int link(final JournalRecordFlyweight record, final long horizonMs)
    {
        final int number = number(new Offer(Records.text(record, "response"), record.code() == 1, Records.text(record, "channel")));
        links.put(record, number, horizonMs);
        return number;
    }

    /** The offer an outcome's shown window made ({@link ClosedWindow#NONE} if none); its link goes. */
    int take(final JournalRecordFlyweight record)
    {
        return links.take(record);
    }

    /** A complete window: a shown one that offered a hand-off counts for its offer, a holdout one for its trigger's control. */
    void count(final ClosedWindow window)
    {
        final Arm arm = new Arm(window.trigger(), window.stratum());
        if (window.group() == OutcomeGroup.HOLDOUT)
        {
            add(control.computeIfAbsent(arm, key -> new long[2]), window.forward());
        }
        else if (window.group() == OutcomeGroup.SHOWN && window.handoff() != ClosedWindow.NONE)
        {
            add(treatedByOffer.get(window.handoff()).computeIfAbsent(arm, key -> new long[2]), window.forward());
        }
    }

    /** Links kept (tests check they stay bounded). */
    int entries()
    {
        return links.size();
    }

    /** Every offer seen, by response, available before not, then channel; each with its lift against its triggers' control. */
    List<HandoffFigures> handoffs(final Strata strata, final boolean live)
    {
        final List<HandoffFigures> figures = new ArrayList<>(offers.size());
        for (int number = 0; number < offers.size(); number++)
        {
            final Offer offer = offers.get(number);
            final List<Stratum> arms = new ArrayList<>();
            final TreeSet<String> triggers = new TreeSet<>();
            for (final Map.Entry<Arm, long[]> treated : treatedByOffer.get(number).entrySet())
            {
                final Arm arm = treated.getKey();
                final long[] held = control.getOrDefault(arm, new long[2]);
                triggers.add(arm.trigger());
                arms.add(new Stratum(strata.version(arm.stratum()), strata.policy(arm.stratum()).holdoutShare(),
                    new Proportion(treated.getValue()[0], treated.getValue()[1]), new Proportion(held[0], held[1])));
            }
            if (offered.get(number)[0] == 0 && arms.isEmpty())
            {
                // Seen only past the range's end, for a window that opened there too: nothing of the range's.
                continue;
            }
            figures.add(new HandoffFigures(offer.response(), offer.available(), offer.channel(), offered.get(number)[0],
                List.copyOf(triggers), LiftEstimator.estimate(arms, live, ReportMethod.MIN_CLOSED_WINDOWS)));
        }
        figures.sort(Comparator.comparing(HandoffFigures::response).thenComparing(figure -> !figure.available())
            .thenComparing(HandoffFigures::channel));
        return List.copyOf(figures);
    }

    private int number(final Offer offer)
    {
        final Integer number = numberByOffer.get(offer);
        if (number != null)
        {
            return number;
        }
        offers.add(offer);
        offered.add(new long[1]);
        // In order of first sight, so a stratum list is the same on every run.
        treatedByOffer.add(new LinkedHashMap<>());
        numberByOffer.put(offer, offers.size() - 1);
        return offers.size() - 1;
    }

    private static void add(final long[] forwardAndClosed, final boolean forward)
    {
        forwardAndClosed[0] += forward ? 1 : 0;
        forwardAndClosed[1]++;
    }

    /** What a HANDOFF record offered. */
    private record Offer(String response, boolean available, String channel)
    {
    }

    /** A trigger's windows under one catalog version: a stratum of the comparison. */
    private record Arm(String trigger, int stratum)
    {
    }
}
