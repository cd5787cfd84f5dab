/**
 * Carrying a session to another node of a cluster: the few facts the governor's promises to the
 * visitor rest on, and the context, goals and feedback state the catalog's conditions, templates
 * and "Did this help?" read ({@link dev.pulse.server.carry.SessionCarry}), as a payload
 * ({@link dev.pulse.server.carry.CarryFlyweight}, its tail {@link dev.pulse.server.carry.CarryTail}) the server
 * encrypts and signs ({@code CarryCipher}, AES-256-GCM) under a key derived from the one every node
 * shares, and the client presents at its next hello, wherever that lands
 * ({@link dev.pulse.server.carry.CarryCodec}, {@link dev.pulse.server.carry.CarryCheck});
 * {@link dev.pulse.server.carry.CarryMetrics} counts what became of them. docs/protocol.md, "Carrying a
 * session to another node".
 */
package dev.pulse.server.carry;
