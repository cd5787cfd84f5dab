package dev.pulse.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import dev.pulse.detect.detector.DetectorKind;
import dev.pulse.detect.governor.Verdict;
import dev.pulse.journal.OutcomeGroup;
import dev.pulse.journal.OutcomeKind;

/**
 * A realistic day of the demo store's journal, seeded: sessions that resume, signals of every demo
 * trigger with the governor's verdicts (deferrals, caps, cooldowns, a 20% holdout, a shadow
 * trigger), answers, dismisses, copy variants, outcome windows with plausible times, expiries and
 * a catalog reload at 13:00. Each trigger has a known true effect; one is harmful, one too rare.
 * Events are generated per session, then written in time order, as a live journal would hold them.
 */
public final class SampleJournal
{
    public static final long VERSION_1 = 0x1111_2222_3333_4444L;
    public static final long VERSION_2 = 0x5555_6666_7777_8888L;

    /** A demo trigger: how often it signals per session, its question and choices, true forward rates. */
    private record Trigger(String id, DetectorKind detector, String question, String[] choices, String[] responses, double perSession,
        double holdoutForward, double shownForward, boolean shadow, boolean variants)
    {
    }

    private static final List<Trigger> TRIGGERS = List.of(
        new Trigger("pricing-hesitation", DetectorKind.IDLE_ON_KEY_PAGE, "hard-to-decide",
            new String[] {"team-size", "price", "features", "just-looking"},
            new String[] {"plan-by-team-size", "pricing-value", "feature-check", "take-your-time"}, 0.20, 0.30, 0.41, false, true),
        new Trigger("pricing-faq-loop", DetectorKind.BACK_AND_FORTH, "hard-to-decide",
            new String[] {"team-size", "price", "features", "just-looking"},
            new String[] {"plan-by-team-size", "pricing-value", "feature-check", "take-your-time"}, 0.07, 0.26, 0.29, false, true),
        new Trigger("search-dead-ends", DetectorKind.FAILED_SEARCH, "cant-find",
            new String[] {"product", "gift", "order"},
            new String[] {"search-tips", "gift-guide", "order-help"}, 0.16, 0.34, 0.36, false, false),
        new Trigger("cart-checkout-loop", DetectorKind.CART_CHECKOUT_LOOP, "checkout-doubt",
            new String[] {"shipping", "payment", "changed-mind", "code"},
            new String[] {"shipping-facts", "payment-options", "take-your-time", "discount-codes"}, 0.09, 0.38, 0.53, false, false),
        new Trigger("leaving-checkout", DetectorKind.EXIT_INTENT, "before-you-go",
            new String[] {"shipping", "trust", "later"},
            new String[] {"shipping-facts", "returns-policy", "save-cart"}, 0.14, 0.22, 0.15, false, false),
        new Trigger("rage-clicks", DetectorKind.RAGE_CLICK, "not-working",
            new String[] {"add-to-cart", "pay", "other"},
            new String[] {"add-to-cart-help", "payment-options", "contact-support"}, 0.02, 0.20, 0.35, false, false),
        new Trigger("checkout-form-errors", DetectorKind.REPEATED_FORM_ERRORS, "form-trouble",
            new String[] {"address", "card", "other"},
            new String[] {"address-format", "card-declined", "contact-support"}, 0.06, 0.31, 0.31, true, false));

    private static final String[][] DEVICES = {{"device", "desktop"}, {"device", "mobile"}, {"device", "desktop"},
        {"device", "mobile"}, {"device", "desktop"}, {"device", "tablet"}, {"device", "mobile"}, {"device", "desktop"}, {},
        {"device", "mobile"}};

    private final Random random;
    private final List<Event> events = new ArrayList<>();
    private final long dayStartMs;
    private int sequence;
    /** When the current session's last exited window closes: its end comes no earlier. */
    private long lastExitMs;

    private SampleJournal(final long seed, final long dayStartMs)
    {
        this.random = new Random(seed);
        this.dayStartMs = dayStartMs;
    }

    /** Writes {@code sessions} sessions of the day starting at {@code dayStartMs}. */
    public static void write(final TestJournal journal, final long dayStartMs, final int sessions, final long seed)
    {
        final SampleJournal sample = new SampleJournal(seed, dayStartMs);
        sample.at(dayStartMs + 1_000, out -> out.catalogReload(dayStartMs + 1_000, "2026-11-24.1", VERSION_1));
        sample.at(dayStartMs + 13 * 3_600_000L, out -> out.catalogReload(dayStartMs + 13 * 3_600_000L, "2026-11-24.2", VERSION_2));
        for (int i = 0; i < sessions; i++)
        {
            sample.session(1_000_000L + i);
        }
        sample.events.sort(Comparator.comparingLong(Event::timeMs).thenComparingInt(Event::sequence));
        for (final Event event : sample.events)
        {
            journal.catalogVersion(event.timeMs() < dayStartMs + 13 * 3_600_000L ? VERSION_1 : VERSION_2);
            event.write().accept(journal);
        }
    }

    private void session(final long sid)
    {
        // Busier in the day than at night: two uniform draws make a hump around midday.
        final long startMs = dayStartMs + (long)((random.nextDouble() + random.nextDouble()) / 2 * 22 * 3_600_000L);
        // The device class the snippet sends, from the session's number (no draw, so every other figure stays as it was);
        // one session in ten sends none, as an older snippet would.
        final String[] context = DEVICES[(int)(sid % DEVICES.length)];
        at(startMs, out -> out.sessionStart(startMs, sid, 0, false, context));
        final int pages = 1 + random.nextInt(6);
        for (int page = 1; page < pages; page++)
        {
            final long resumedMs = startMs + page * 45_000L;
            at(resumedMs, out -> out.sessionStart(resumedMs, sid, 0, true, context));
        }
        long nowMs = startMs + 20_000;
        int asked = 0;
        int iid = 0;
        for (final Trigger trigger : TRIGGERS)
        {
            if (random.nextDouble() >= trigger.perSession() * 1.6)
            {
                continue;
            }
            nowMs += 15_000 + random.nextInt(60_000);
            final long signalMs = nowMs;
            if (random.nextDouble() < 0.12)
            {
                at(signalMs, out -> out.signal(signalMs, sid, trigger.id(), trigger.detector(), Verdict.DEFERRED, trigger.question()));
                nowMs += 3_000;
                if (random.nextDouble() < 0.25)
                {
                    final long graceMs = nowMs;
                    at(graceMs, out -> out.signal(graceMs, sid, trigger.id(), trigger.detector(), Verdict.SUPPRESSED_PAGE_GRACE, trigger.question()));
                    continue;
                }
            }
            final long decidedMs = nowMs;
            if (trigger.shadow())
            {
                at(decidedMs, out -> out.signal(decidedMs, sid, trigger.id(), trigger.detector(), Verdict.SHADOW, trigger.question()));
                window(sid, trigger, OutcomeGroup.SHADOW, 0, decidedMs, null, trigger.holdoutForward());
                continue;
            }
            if (asked >= 2 || random.nextDouble() < 0.08)
            {
                final Verdict suppressed = asked >= 2 ? Verdict.SUPPRESSED_SESSION_CAP : Verdict.SUPPRESSED_COOLDOWN;
                at(decidedMs, out -> out.signal(decidedMs, sid, trigger.id(), trigger.detector(), suppressed, trigger.question()));
                continue;
            }
            asked++;
            if (random.nextDouble() < 0.2)
            {
                at(decidedMs, out -> out.signal(decidedMs, sid, trigger.id(), trigger.detector(), Verdict.HOLDOUT, trigger.question()));
                window(sid, trigger, OutcomeGroup.HOLDOUT, 0, decidedMs, null, trigger.holdoutForward());
                continue;
            }
            final int shownIid = ++iid;
            final String variant = trigger.variants() && (sid & 1) == 1 ? "b" : "a";
            at(decidedMs, out -> out.signal(decidedMs, sid, trigger.id(), trigger.detector(), Verdict.SHOWN, trigger.question())
                .shown(decidedMs, sid, shownIid, trigger.id(), trigger.question(), variant));
            final double reaction = random.nextDouble();
            String choice = null;
            final long reactedMs = decidedMs + 4_000 + random.nextInt(20_000);
            if (reaction < 0.55)
            {
                final int pick = Math.min(trigger.choices().length - 1, (int)Math.floor(-Math.log(1 - random.nextDouble()) * 1.1));
                choice = trigger.choices()[pick];
                final String chosen = choice;
                final String response = trigger.responses()[pick];
                at(reactedMs, out -> out.answer(reactedMs, sid, shownIid, trigger.question(), chosen, response));
                if (sid % 2 == 0)
                {
                    // Half the answered say whether the response helped (drawn from the sid: the random draws stay as they were).
                    final long ratedMs = reactedMs + 3_000;
                    final boolean helpful = sid % 3 != 0 && pick != 1;
                    at(ratedMs, out -> out.feedback(ratedMs, sid, shownIid, trigger.question(), chosen, response, helpful));
                }
            }
            else if (reaction < 0.70)
            {
                at(reactedMs, out -> out.dismiss(reactedMs, sid, shownIid, trigger.question()));
            }
            final double variantBonus = "b".equals(variant) ? 0.03 : 0;
            final double answerBonus = choice == null ? -0.06 : choice.equals(trigger.choices()[0]) ? 0.08 : 0.02;
            window(sid, trigger, OutcomeGroup.SHOWN, shownIid, decidedMs, choice, trigger.shownForward() + variantBonus + answerBonus);
            nowMs += 120_000;
        }
        // As the server does, a session's exited windows are journaled before its end (and close within their longest open
        // time: the report's completeness rests on it), so the end waits for the last of them.
        final long endMs = Math.max(nowMs + 30 * 60_000L + random.nextInt(600_000), lastExitMs);
        lastExitMs = 0;
        at(endMs, out -> out.sessionEnd(endMs, sid));
    }

    private void window(final long sid, final Trigger trigger, final OutcomeGroup group, final int iid, final long openedMs,
        final String choice, final double forwardRate)
    {
        final String variant = trigger.variants() && (sid & 1) == 1 ? "b" : "a";
        final String response = choice == null ? null : trigger.responses()[List.of(trigger.choices()).indexOf(choice)];
        final OutcomeKind kind;
        final long durationMs;
        if (random.nextDouble() < forwardRate)
        {
            kind = OutcomeKind.FORWARD;
            // Log-normal around a minute (a little faster when asked), cut at the 10-minute window.
            final double median = group == OutcomeGroup.SHOWN ? 55_000 : 75_000;
            final long drawnMs = Math.min(599_000, (long)(median * Math.exp(random.nextGaussian() * 0.9)));
            // An answered window closes after the answer.
            durationMs = choice == null ? drawnMs : Math.max(drawnMs, 25_000);
        }
        else if (random.nextDouble() < 0.6)
        {
            kind = OutcomeKind.EXITED;
            durationMs = 30 * 60_000L + random.nextInt(600_000);
            lastExitMs = Math.max(lastExitMs, openedMs + durationMs);
        }
        else
        {
            kind = OutcomeKind.STALLED;
            durationMs = 600_000;
        }
        final long closedMs = openedMs + durationMs;
        at(closedMs, out -> out.outcome(closedMs, sid, kind, group, iid, durationMs, trigger.id(), trigger.question(), variant, choice,
            response, stuckKind(trigger.detector())));
    }

    /** The demo's page kind a trigger's person is stuck on (the demo catalog's pages). */
    private static String stuckKind(final DetectorKind detector)
    {
        return switch (detector)
        {
            case IDLE_ON_KEY_PAGE, BACK_AND_FORTH -> "pricing";
            case FAILED_SEARCH -> "search";
            case CART_CHECKOUT_LOOP -> "cart";
            default -> "checkout";
        };
    }

    private void at(final long timeMs, final Consumer<TestJournal> write)
    {
        events.add(new Event(timeMs, sequence++, write));
    }

    /** One record (or two) to write at a time; the sequence keeps a session's records of one instant in order. */
    private record Event(long timeMs, int sequence, Consumer<TestJournal> write)
    {
    }
}
