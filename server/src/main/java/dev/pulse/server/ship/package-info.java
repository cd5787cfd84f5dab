/**
 * The server's side of journal shipping: {@link dev.pulse.server.ship.JournalShipping} starts the
 * kafka module's shipper from the settings, in the server's start order, and puts its series on
 * {@code /metrics}.
 */
package dev.pulse.server.ship;
