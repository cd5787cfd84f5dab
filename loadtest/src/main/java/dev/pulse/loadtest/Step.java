package dev.pulse.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * One client message of a journey, as a byte template that ends with {@code "seq":} (the
 * encoder adds the number and the closing brace). Every step gets an id, its index in
 * {@link #ALL}, so a message waiting for its ack can be rebuilt from the id after a reconnect.
 */
final class Step
{
    private static final List<Step> CREATED = new ArrayList<>();

    /** Keeps a page view open without activity: hidden {@code false} on a visible tab changes nothing. */
    static final Step FILLER = new Step("{\"t\":\"visibility\",\"hidden\":false,\"seq\":");
    /** After an answer: on to the last stage of the site's journey. */
    static final Step FORWARD = page("/thanks", "navigate");

    private final byte[] template;
    private final int id;

    private Step(final String json)
    {
        this.template = ClientFrameProxy.ascii(json);
        synchronized (CREATED)
        {
            this.id = CREATED.size();
            CREATED.add(this);
        }
    }

    static Step page(final String url, final String nav)
    {
        return new Step("{\"t\":\"page\",\"url\":\"" + url + "\",\"nav\":\"" + nav + "\",\"seq\":");
    }

    /**
     * Back and forth between two pages: navigate to {@code first}, then {@code second}, then go
     * back to {@code first} {@code backs} times, forward to {@code second} between the backs.
     */
    static Step[] backAndForth(final String first, final String second, final int backs)
    {
        final Step[] steps = new Step[2 * backs + 1];
        steps[0] = page(first, "navigate");
        steps[1] = page(second, "navigate");
        for (int back = 0; back < backs; back++)
        {
            steps[2 + 2 * back] = page(first, "back");
            if (back < backs - 1)
            {
                steps[3 + 2 * back] = page(second, "forward");
            }
        }
        return steps;
    }

    /** Navigates to {@code home}, then {@code trips} times to {@code away} and back to {@code home}. */
    static Step[] roundTrips(final String home, final String away, final int trips)
    {
        final Step[] steps = new Step[1 + 2 * trips];
        steps[0] = page(home, "navigate");
        for (int trip = 0; trip < trips; trip++)
        {
            steps[1 + 2 * trip] = page(away, "navigate");
            steps[2 + 2 * trip] = page(home, "navigate");
        }
        return steps;
    }

    static Step active()
    {
        return new Step("{\"t\":\"active\",\"seq\":");
    }

    static Step click(final String target, final int x, final int y)
    {
        return new Step("{\"t\":\"click\",\"target\":\"" + target + "\",\"x\":" + x + ",\"y\":" + y + ",\"seq\":");
    }

    static Step search(final String query, final int results)
    {
        return new Step("{\"t\":\"search\",\"q\":\"" + query + "\",\"results\":" + results + ",\"seq\":");
    }

    static Step formError(final String form, final String field)
    {
        return new Step("{\"t\":\"form_error\",\"form\":\"" + form + "\",\"field\":\"" + field + "\",\"seq\":");
    }

    static Step exitIntent()
    {
        return new Step("{\"t\":\"exit_intent\",\"seq\":");
    }

    /** The step with this id. */
    static Step byId(final int id)
    {
        synchronized (CREATED)
        {
            return CREATED.get(id);
        }
    }

    byte[] template()
    {
        return template;
    }

    int id()
    {
        return id;
    }
}
