package dev.pulse.server.session;

import dev.pulse.detect.SessionStateFlyweight;

import dev.pulse.server.decide.ServerSessionFlyweight;
/** Looks at one session during a sweep; returns true to remove it. */
@FunctionalInterface
public interface SessionVisitor
{
    boolean visit(SessionStateFlyweight state, ServerSessionFlyweight server);
}
