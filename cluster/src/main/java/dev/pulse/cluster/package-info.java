/**
 * A Pulse cluster on one machine and its drill: {@link dev.pulse.cluster.ClusterScript} drives
 * {@code scripts/cluster.sh} (Kafka, three nodes, nginx), {@link dev.pulse.cluster.Drill} puts the
 * load generator on it through the balancer, kills one node with -9 and restarts it, then checks
 * every promise from the clients' side ({@link dev.pulse.cluster.LoadFigures}), the merged journals
 * ({@link dev.pulse.cluster.QuestionCheck}), Kafka ({@link dev.pulse.cluster.ShippedCheck}) and the
 * report ({@link dev.pulse.cluster.ReportCheck}). Runs the shipped binaries as child processes,
 * as an operator would; uses the journal and kafka modules only to read what they wrote.
 */
package dev.pulse.cluster;
