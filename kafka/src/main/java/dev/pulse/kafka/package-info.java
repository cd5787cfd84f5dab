/**
 * The journal on Apache Kafka: the topic's record format ({@link dev.pulse.kafka.ShippedRecords}),
 * shipping a node's journal to it, and reading it back.
 */
package dev.pulse.kafka;
