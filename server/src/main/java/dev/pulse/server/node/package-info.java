/**
 * This node's identity in a cluster ({@link dev.pulse.server.node.NodeIdentity}): its id, and the
 * data directory bound to it.
 */
package dev.pulse.server.node;
